import { iconGlyph, paletteGroups } from '../catalog/catalogLookup';
import { writeDraggedNodeType } from './paletteDrag';

const groups = paletteGroups();

/** The node types, grouped as the catalog groups them; drag one onto the canvas to add it. */
export function Palette() {
  return (
    <aside className="palette" data-testid="palette" aria-label="Node palette">
      {groups.map(({ group, entries }) => (
        <section key={group} className="palette-group">
          <h3>{group}</h3>
          {entries.map((entry) => (
            <div
              key={entry.type}
              className={`palette-item group-${entry.group}`}
              data-testid={`palette-item-${entry.type}`}
              draggable
              title={entry.description}
              onDragStart={(event) => writeDraggedNodeType(event.dataTransfer, entry.type)}
            >
              <span className="palette-icon" aria-hidden>
                {iconGlyph(entry.icon)}
              </span>
              {entry.title}
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
