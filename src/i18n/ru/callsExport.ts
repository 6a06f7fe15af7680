// The words of the calls export: the workspace's file and the server's stream write the same columns.
import type { CallRowWords } from '../../analytics/callRow';
import { outcomes } from './calls';
import { history } from './callbacks';
import { supervisor } from './supervisor';

export const callsExport: CallRowWords = {
  header: supervisor.csv.header,
  directions: history.directions,
  outcomes,
  results: supervisor.results,
  transferredTo: supervisor.transferredTo,
  rules: supervisor.rules,
  erased: supervisor.list.erased,
  noName: supervisor.list.noName,
};
