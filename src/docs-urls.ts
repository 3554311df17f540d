// Where the project's documentation lives for a user who has only the package:
// capture hints and help texts link here rather than to a file in the repository.
const repository = 'https://github.com/kube-netdoctor/kube-netdoctor';

/** The snapshot layout (also shipped in the package as docs/snapshot-format.md). */
export const snapshotFormatUrl = `${repository}/blob/main/docs/snapshot-format.md`;
/** One page per rule: `${rulesDocUrl}/<id>.md`. */
export const rulesDocUrl = `${repository}/blob/main/docs/rules`;
/** Each rule's fixture snapshots (where it fires, where it stays silent): `${ruleFixturesUrl}/<id>`. */
export const ruleFixturesUrl = `${repository}/tree/main/snapshots/rules`;
