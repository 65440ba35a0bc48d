/**
 * The worked example the tests check against, kept in the repository (data/samples/README.md):
 * 52 invented communities across 海南省 in the project-list template, and the plan table they give.
 */
import { join } from 'node:path';

export const SAMPLES_DIR = join(import.meta.dirname, 'data/samples');
export const HAINAN_PROJECT_LIST = join(SAMPLES_DIR, 'hainan-2022-project-list.csv');
export const HAINAN_PLAN_TABLE = join(SAMPLES_DIR, 'hainan-2022-plan-table.csv');
