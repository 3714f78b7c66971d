/** One goal from the issue, with what was measured against it. */
export interface Goal {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

/** What each benchmark section hands to the report. */
export interface Section {
  title: string;
  markdown: string;
  goals: Goal[];
}
