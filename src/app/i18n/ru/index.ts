import { calls } from './calls';
import { callbacks } from './callbacks';
import { operator } from './operator';
import { flows } from './flows';
import { kb } from './kb';
import { shell } from './shell';
import { supervisor } from './supervisor';
import { editor } from './editor';
import { files } from './files';

export const ru = {
  shell,
  kb,
  flows,
  calls,
  operator,
  callbacks,
  editor,
  supervisor,
  files,
};
