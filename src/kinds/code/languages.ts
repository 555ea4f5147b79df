/** The languages the code kind reads, by file extension, and the grammar each is parsed with. */
export const LANGUAGES = ['go', 'python', 'javascript', 'typescript', 'java', 'rust'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A grammar: the `.wasm` file tree-sitter loads, from its npm package (a grammar's own build, no native addon). */
export type Grammar = 'go' | 'python' | 'javascript' | 'typescript' | 'tsx' | 'java' | 'rust';

export const GRAMMAR_FILES: Record<Grammar, { pkg: string; file: string }> = {
  go: { pkg: 'tree-sitter-go', file: 'tree-sitter-go.wasm' },
  python: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
  javascript: { pkg: 'tree-sitter-javascript', file: 'tree-sitter-javascript.wasm' },
  typescript: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  tsx: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
  java: { pkg: 'tree-sitter-java', file: 'tree-sitter-java.wasm' },
  rust: { pkg: 'tree-sitter-rust', file: 'tree-sitter-rust.wasm' },
};

const EXTENSIONS: Record<string, { language: Language; grammar: Grammar }> = {
  go: { language: 'go', grammar: 'go' },
  py: { language: 'python', grammar: 'python' },
  js: { language: 'javascript', grammar: 'javascript' },
  mjs: { language: 'javascript', grammar: 'javascript' },
  cjs: { language: 'javascript', grammar: 'javascript' },
  jsx: { language: 'javascript', grammar: 'javascript' },
  ts: { language: 'typescript', grammar: 'typescript' },
  mts: { language: 'typescript', grammar: 'typescript' },
  cts: { language: 'typescript', grammar: 'typescript' },
  tsx: { language: 'typescript', grammar: 'tsx' },
  java: { language: 'java', grammar: 'java' },
  rs: { language: 'rust', grammar: 'rust' },
};

/** A source file's language and grammar, by its extension; undefined for any other file (a `.d.ts` declares no code). */
export function languageOf(path: string): { language: Language; grammar: Grammar } | undefined {
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined;
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

/**
 * Files never checked as code, whatever `code.exclude` adds: tests (a test
 * may call the network without a timeout, print, and name hosts), vendored
 * and installed dependencies, and build output.
 */
export const DEFAULT_CODE_EXCLUDE = [
  '**/test/**',
  '**/tests/**',
  '**/testdata/**',
  '**/__tests__/**',
  '**/*_test.go',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  '**/*.test.*',
  '**/*.spec.*',
  '**/src/test/**',
  '**/vendor/**',
  '**/node_modules/**',
  '**/third_party/**',
  '**/dist/**',
  '**/build/**',
  '**/*.min.js',
  '**/*_pb2.py',
  '**/*_pb2_grpc.py',
  '**/*.pb.go',
];
