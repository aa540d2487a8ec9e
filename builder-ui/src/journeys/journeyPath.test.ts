import { describe, expect, it } from 'vitest';
import { followedPathOf, pathMarkOf, takenEdgeIds } from './journeyPath';

const edges = [
  { id: 'a-b', source: 'a', target: 'b' },
  { id: 'b-c', source: 'b', target: 'c' },
  { id: 'b-d', source: 'b', target: 'd' },
  { id: 'c-b', source: 'c', target: 'b' },
];

describe('the followed journey on the canvas', () => {
  it('marks the nodes on the path as taken and the node a running journey is at as current', () => {
    const followed = { path: ['a', 'b', 'c'], currentNode: 'c' };
    expect(['a', 'b', 'c', 'd'].map((id) => pathMarkOf(followed, id))).toEqual(['taken', 'taken', 'current', null]);
  });

  it('marks every node of a finished journey as taken, none as current', () => {
    const followed = { path: ['a', 'b', 'd'], currentNode: null };
    expect(['a', 'b', 'c', 'd'].map((id) => pathMarkOf(followed, id))).toEqual(['taken', 'taken', null, 'taken']);
  });

  it('treats a journey that has closed as being at no node', () => {
    const completed = { path: ['a', 'b', 'd'], currentNode: 'd', status: 'COMPLETED' };
    expect(followedPathOf(completed)).toEqual({ path: ['a', 'b', 'd'], currentNode: null });
    expect(followedPathOf({ ...completed, status: 'RUNNING' })?.currentNode).toBe('d');
  });

  it('marks nothing when no journey is followed', () => {
    expect(pathMarkOf(null, 'a')).toBeNull();
    expect(takenEdgeIds(null, edges).size).toBe(0);
  });

  it('marks the edges between consecutive steps, including each pass of a loop, and no others', () => {
    expect([...takenEdgeIds({ path: ['a', 'b', 'c', 'b', 'd'], currentNode: null }, edges)].sort()).toEqual(['a-b', 'b-c', 'b-d', 'c-b']);
    expect([...takenEdgeIds({ path: ['a', 'b', 'd'], currentNode: null }, edges)].sort()).toEqual(['a-b', 'b-d']);
  });
});
