import { useCallback, useMemo, type DragEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type NodeTypes } from '@xyflow/react';
import { nodeCatalog, nodeTypes as catalogNodeTypes } from '@threadline/flows';
import { groupStyles } from '../catalog/groupStyles';
import { followedPathOf, takenEdgeIds } from '../journeys/journeyPath';
import { selectFollowedDetail, useJourneyStore } from '../journeys/journeyStore';
import { readDraggedNodeType } from '../palette/paletteDrag';
import type { BuilderNode } from '../store/builderGraph';
import { useFlowStore } from '../store/flowStore';
import { FlowNodeCard } from './FlowNodeCard';

// Built once: React Flow re-mounts every node when this object changes identity.
const nodeTypes: NodeTypes = Object.fromEntries(catalogNodeTypes.map((type) => [type, FlowNodeCard]));

// An imported stand-in shows in its warning colour in the minimap too, so it is found on a big flow.
const NEEDS_ATTENTION_COLOR = '#b54708';

function miniMapColor(node: BuilderNode): string {
  return node.type === 'placeholder' ? NEEDS_ATTENTION_COLOR : groupStyles[nodeCatalog[node.type].group].color;
}

/** The canvas: the store's graph, drawn and edited by React Flow; drops from the palette add nodes. */
export function FlowCanvas() {
  const nodes = useFlowStore((state) => state.nodes);
  const edges = useFlowStore((state) => state.edges);
  const onNodesChange = useFlowStore((state) => state.onNodesChange);
  const onEdgesChange = useFlowStore((state) => state.onEdgesChange);
  const connect = useFlowStore((state) => state.connect);
  const addNode = useFlowStore((state) => state.addNode);
  const { screenToFlowPosition } = useReactFlow();
  const followedJourney = useJourneyStore(selectFollowedDetail);
  const followed = useMemo(() => followedPathOf(followedJourney), [followedJourney]);

  // The followed journey's edges are marked on the way to React Flow, never stored: the store's
  // edges stay the flow's own, and the highlight goes when the journey is no longer followed.
  const shownEdges = useMemo(() => {
    const taken = takenEdgeIds(followed, edges);
    return taken.size === 0 ? edges : edges.map((edge) => (taken.has(edge.id) ? { ...edge, className: 'path-taken', zIndex: 1 } : edge));
  }, [edges, followed]);

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = readDraggedNodeType(event.dataTransfer);
      if (type === null) return;
      event.preventDefault();
      addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <div className={`canvas${followed ? ' is-following' : ''}`} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable nodeColor={miniMapColor} />
      </ReactFlow>
    </div>
  );
}
