/** Types for scripts/localize-functions.js (plain CommonJS so webpack.config.js can require it). */

export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: FunctionParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface TextTranslation {
  name?: string;
  description?: string;
}

export type FunctionsTranslationTable = Record<string, TextTranslation & { parameters?: Record<string, TextTranslation> }>;

export declare function localizeFunctionsMetadata(
  metadata: FunctionsMetadata,
  table: FunctionsTranslationTable
): { metadata: FunctionsMetadata; problems: string[] };

/** The metadata with the options every functions file needs (allowErrorForDataTypeAny). */
export declare function withRuntimeOptions(metadata: FunctionsMetadata): FunctionsMetadata & { allowErrorForDataTypeAny: true };
