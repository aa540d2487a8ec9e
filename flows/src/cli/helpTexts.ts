/** `flows --help` and `flows <command> --help`. */

export const COMMANDS = ['validate', 'push', 'pull', 'diff', 'import-studio'] as const;
export type CommandName = (typeof COMMANDS)[number];

const API_OPTION = `  --api URL          the Threadline API (default: $THREADLINE_API_URL, else http://localhost:3000)`;

export const OVERVIEW = `flows — keep Threadline flows in git

Usage: flows <command> [options]   (from the repo root: npm run flows -- <command> …)

Commands:
  validate <file.json>...         check flow files offline; errors as file:node:path code message
  push <file.json> [--publish]    save a file as its flow's draft (creating the flow), optionally publish it
  pull <flowId>                   write a flow's canonical JSON (latest published, a version, or the draft)
  diff <file.json>                compare a file with the published version, node by node
  import-studio <export.json>     convert a Twilio Studio flow into a Threadline definition

Exit codes: 0 ok / no difference, 1 problems found / refused / different, 2 usage error, unreadable file or API unreachable.
Run \`flows <command> --help\` for a command's options.`;

export const HELP: Readonly<Record<CommandName, string>> = {
  validate: `Usage: flows validate <file.json>...

Checks each flow definition offline: its shape (older schemaVersions are migrated in memory, and
the output says so) and every graph rule the API checks, except subflow targets, which only the
API can look up. Prints one line per issue:
  file:nodeId:path code message        (nodeId and path are "-" when there is none;
                                         warnings read "code warning: message")
then a summary. Exit 0 when no file has errors (warnings allowed), 1 when any has, 2 when a file
cannot be read or is not JSON.`,
  push: `Usage: flows push <file.json> [--publish] [--api URL]

Saves the file as the draft of the flow its "id" names, creating the flow first when the API has
none by that id, and prints the issues the API finds in the draft. With --publish, then publishes
the draft as the next version. Refusals print the API's issues as file:nodeId:path code message.

  --publish          publish the draft after saving it
${API_OPTION}

Exit 0 when saved (and published), 1 when the file or the API refused it, 2 on a usage error or an
unreachable API.`,
  pull: `Usage: flows pull <flowId> [--version N|latest|draft] [--out file] [--api URL]

Writes a flow's definition as canonical JSON (stable key order and formatting, as the library
files are written), to --out or to standard output.

  --version V        a published version number, "latest" (the default) or "draft"
  --out FILE         write here instead of standard output
${API_OPTION}

Exit 0 when written, 2 when the flow or version does not exist, the API is unreachable or on a
usage error.`,
  diff: `Usage: flows diff <file.json> [--version N|latest] [--layout] [--api URL]

Compares the file with a published version of the flow its "id" names, node by node: added,
removed and changed nodes (which config fields, label changes), rewired outputs, and changes to
the name, description, interface and settings. Canvas moves are ignored unless --layout.

  --version V        a published version number or "latest" (the default)
  --layout           report nodes moved on the canvas too
${API_OPTION}

Exit 0 when equal, 1 when different, 2 on an error (diff(1)'s convention).`,
  'import-studio': `Usage: flows import-studio <studio-export.json> --id <flowId> [--name NAME] [--subflow FWxxx=flowId]... [--out file]

Converts a Twilio Studio flow (its exported JSON, or the REST API's Flow resource) into a
Threadline definition: widgets become nodes, Studio's Liquid paths are rewritten, positions are
kept, and what cannot be mapped becomes a placeholder node keeping the original widget. Writes
canonical JSON to --out or standard output, then prints the import report and the validation of
the result (to standard error when the JSON goes to standard output).

  --id ID            the Threadline flow id (1-63 lower-case letters, digits or "-")
  --name NAME        the flow's name (default: the Studio flow's description or friendly name)
  --subflow SID=ID   the Threadline id of an already imported Studio subflow (repeatable)
  --out FILE         write here instead of standard output

Exit 0 when imported with no validation errors, 1 when imported but it needs work (placeholders
or other errors), 2 when the input is not a Studio flow or on a usage error.`,
};
