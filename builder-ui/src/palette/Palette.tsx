import { paletteGroups } from '../catalog/catalogLookup';
import { groupColorStyle, groupStyles } from '../catalog/groupStyles';
import { iconGlyph } from '../catalog/iconGlyph';
import { writeDraggedNodeType } from './paletteDrag';

const groups = paletteGroups();

/** The node types, grouped as the catalog groups them; drag one onto the canvas to add it. */
export function Palette() {
  return (
    <aside className="palette" data-testid="palette" aria-label="Node palette">
      {groups.map(({ group, entries }) => (
        <section key={group} className="palette-group" data-testid={`palette-group-${group}`} style={groupColorStyle(group)}>
          <h3>{groupStyles[group].title}</h3>
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
              <span className="palette-title">{entry.title}</span>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
