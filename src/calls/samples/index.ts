// Sample organisations offered at first run, built from the seeds' public contact facts.
import type { Organisation } from '../organisation';
import { sverdlovskDigital } from './sverdlovskDigital';
import { murmanskSport } from './murmanskSport';

export const SAMPLE_ORGANISATIONS: readonly Organisation[] = [sverdlovskDigital, murmanskSport];
