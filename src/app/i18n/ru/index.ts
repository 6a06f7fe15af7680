import { kb } from './kb';
import { shell } from './shell';

export const ru = {
  shell,
  kb,
};
