/** What the CLI talks to: the working directory, its output streams, standard input and the environment. */
export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => Promise<string>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}
