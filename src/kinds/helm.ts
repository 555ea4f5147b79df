/** What an inline Helm directive (`{{ .Values.x }}`) becomes before a template is parsed: a value the gate cannot see. */
export const HELM_VALUE = 'HELM_VALUE';
