export async function crashBench(kills: number, log: (line: string) => void): Promise<boolean> {
  log(`crash ${kills}`);
  return false;
}
