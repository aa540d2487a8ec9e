import { create } from 'zustand';
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import { canvasEdgeId, defaultConfigOf, definitionToCanvas, flowMetaOf, type FlowMeta } from '@threadline/flows';
import type { FlowDefinition, NodeType } from '@threadline/flows/types';
import { freshNodeId, fromCanvasGraph, type BuilderEdge, type BuilderNode } from './builderGraph';

/** Where the open flow stands with respect to the server, as the toolbar reports it. */
export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'publishing' }
  | { kind: 'published'; version: number }
  | { kind: 'error'; message: string };

export interface FlowState {
  /** The open flow's identity and prose; null when no flow is open. */
  meta: FlowMeta | null;
  publishedVersion: number | null;
  nodes: BuilderNode[];
  edges: BuilderEdge[];
  status: SaveStatus;

  loadFlow: (definition: FlowDefinition, publishedVersion: number | null) => void;
  closeFlow: () => void;
  renameFlow: (name: string) => void;
  /** Adds a node of `type` with the catalog's defaults, selects it alone, and returns its id. */
  addNode: (type: NodeType, position: XYPosition) => string;
  connect: (connection: Connection) => void;
  /** Sets one config field; `undefined` removes it (an optional field left out). */
  updateNodeConfig: (nodeId: string, field: string, value: unknown) => void;
  updateNodeLabel: (nodeId: string, label: string) => void;
  removeSelection: () => void;
  onNodesChange: (changes: NodeChange<BuilderNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<BuilderEdge>[]) => void;
  setStatus: (status: SaveStatus) => void;
  markPublished: (version: number) => void;
}

// Selecting, hovering or measuring a node is not an edit; only these change what would be saved.
const editingNodeChanges = new Set<NodeChange['type']>(['position', 'add', 'remove', 'replace']);
const editingEdgeChanges = new Set<EdgeChange['type']>(['add', 'remove', 'replace']);

function withNode(nodes: BuilderNode[], nodeId: string, edit: (node: BuilderNode) => BuilderNode): BuilderNode[] {
  return nodes.map((node) => (node.id === nodeId ? edit(node) : node));
}

function withField(config: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  if (value !== undefined) return { ...config, [field]: value };
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== field));
}

export const useFlowStore = create<FlowState>()((set, get) => ({
  meta: null,
  publishedVersion: null,
  nodes: [],
  edges: [],
  status: { kind: 'clean' },

  loadFlow: (definition, publishedVersion) => {
    const { nodes, edges } = fromCanvasGraph(definitionToCanvas(definition));
    set({
      meta: flowMetaOf(definition),
      publishedVersion,
      nodes,
      edges,
      status: { kind: 'clean' },
    });
  },

  closeFlow: () => set({ meta: null, publishedVersion: null, nodes: [], edges: [], status: { kind: 'clean' } }),

  renameFlow: (name) => {
    const { meta } = get();
    if (meta !== null) set({ meta: { ...meta, name }, status: { kind: 'unsaved' } });
  },

  addNode: (type, position) => {
    const { nodes } = get();
    const id = freshNodeId(type, new Set(nodes.map((node) => node.id)));
    const node: BuilderNode = {
      id,
      type,
      position,
      selected: true,
      data: { config: defaultConfigOf(type) },
    };
    set({
      nodes: [...nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node],
      status: { kind: 'unsaved' },
    });
    return id;
  },

  connect: ({ source, sourceHandle, target }) => {
    // The output name is the handle id; a connection that names no output cannot be compiled.
    if (!sourceHandle) return;
    // One output leads to one next node: connecting it again moves the edge rather than forking.
    const edges = get().edges.filter((edge) => !(edge.source === source && edge.sourceHandle === sourceHandle));
    edges.push({ id: canvasEdgeId({ from: source, output: sourceHandle, to: target }), source, sourceHandle, target });
    set({ edges, status: { kind: 'unsaved' } });
  },

  updateNodeConfig: (nodeId, field, value) =>
    set({
      nodes: withNode(get().nodes, nodeId, (node) => ({
        ...node,
        data: { ...node.data, config: withField(node.data.config, field, value) },
      })),
      status: { kind: 'unsaved' },
    }),

  updateNodeLabel: (nodeId, label) =>
    set({
      nodes: withNode(get().nodes, nodeId, (node) => ({
        ...node,
        data: { ...node.data, label: label === '' ? undefined : label },
      })),
      status: { kind: 'unsaved' },
    }),

  removeSelection: () => {
    const { nodes, edges } = get();
    const removed = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
    set({
      nodes: nodes.filter((node) => !removed.has(node.id)),
      edges: edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target)),
      status: { kind: 'unsaved' },
    });
  },

  onNodesChange: (changes) => {
    const edits = changes.some((change) => editingNodeChanges.has(change.type));
    set({
      nodes: applyNodeChanges(changes, get().nodes),
      ...(edits ? { status: { kind: 'unsaved' } } : {}),
    });
  },

  onEdgesChange: (changes) => {
    const edits = changes.some((change) => editingEdgeChanges.has(change.type));
    set({
      edges: applyEdgeChanges(changes, get().edges),
      ...(edits ? { status: { kind: 'unsaved' } } : {}),
    });
  },

  setStatus: (status) => set({ status }),
  markPublished: (version) => set({ publishedVersion: version, status: { kind: 'published', version } }),
}));
