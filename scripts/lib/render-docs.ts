export function generatedDocs(): Map<string, string> {
  return new Map();
}
