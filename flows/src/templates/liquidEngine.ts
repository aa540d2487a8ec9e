import { Liquid } from 'liquidjs';
import { installJourneyClock } from './journeyClock';

/**
 * The one Liquid engine every template in Threadline runs on: message bodies, variable values,
 * split inputs and comparands, in the worker's workflow sandbox, the API and the browser.
 *
 * - `strictFilters`: a misspelt filter is a parse error, so validation catches it.
 * - `strictVariables: false`: a value the journey does not have (a contact without a first name)
 *   renders empty; misspelt paths are caught by validation's reference check instead.
 * - `ownPropertyOnly`: `contact.constructor` and friends read nothing.
 * - `templates: {}` plus the disabled tags below: nothing ever reaches for a file system.
 * - UTC and en-US unless the journey says otherwise, so a render does not depend on the machine.
 */
export const liquidEngine = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  templates: {},
  timezoneOffset: 0,
  locale: 'en-US',
  // Bounds a runaway template (a huge `for` over a range) instead of hanging the worker.
  parseLimit: 100_000,
  memoryLimit: 10_000_000,
});

/*
 * Templates are self-contained: `include`, `render` and `layout` would read other templates
 * (from disk, on Node), which a journey has no business doing. They fail at parse time, so
 * validation reports them as template syntax errors.
 */
for (const tag of ['include', 'render', 'layout']) {
  liquidEngine.registerTag(tag, {
    parse() {
      throw new Error(`the "${tag}" tag is not available: templates cannot load other templates`);
    },
    render() {
      return undefined;
    },
  });
}

installJourneyClock(liquidEngine);
