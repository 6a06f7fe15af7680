// One named export per area. The catalogue is imported as a namespace (`t.editor.…`), so the bundler keeps
// only the areas a chunk reads: the supervisor's and editor's texts ship with those lazy workspaces.
export { shell } from './shell';
export { kb } from './kb';
export { flows } from './flows';
export { calls } from './calls';
export { operator } from './operator';
export { callbacks } from './callbacks';
export { editor } from './editor';
export { supervisor } from './supervisor';
export { files } from './files';
