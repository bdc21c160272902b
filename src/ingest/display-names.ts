/**
 * The Item 2 / signature spelling of all-capitals cover names ("AULT & COMPANY, INC." is shown as "Ault &
 * Company, Inc."): the first occurrence of the name's words, in any case and spacing, that has a lower-case
 * letter and no letter right before or after it. A filing with thousands of cover pages names them all in
 * Item 2 and the signatures, so the names are put in a trie of their words and the texts are read once: the
 * time grows with the texts and the names, not with their product.
 */

interface TrieNode {
  /** The next word of longer names. */
  children: Map<string, TrieNode>;
  /** Names whose last word follows here: last word (lower case) -> the names. */
  last: Map<string, string[]>;
}

const trieNode = (): TrieNode => ({ children: new Map(), last: new Map() });
const LETTER = /[A-Za-z]/;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);

/** Display names of the all-capitals names among `names`, read from `texts` in order; other names map to themselves. */
export function displayNames(
  names: readonly string[],
  texts: readonly (string | undefined)[],
): (name: string) => string {
  const found = new Map<string, string>();
  const root = trieNode();
  let longestWord = 0;
  let wanted = 0;
  for (const name of new Set(names)) {
    if (/[a-z]/.test(name) || name.trim() === '') continue;
    const words = name.trim().toLowerCase().split(/\s+/);
    let node = root;
    for (const word of words.slice(0, -1)) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = trieNode()));
      node = next;
    }
    const lastWord = words[words.length - 1]!;
    const same = node.last.get(lastWord) ?? [];
    same.push(name);
    node.last.set(lastWord, same);
    for (const word of words) longestWord = Math.max(longestWord, word.length);
    wanted++;
  }
  for (const text of texts) {
    if (found.size === wanted) break;
    if (text === undefined) continue;
    const record = (matched: string[] | undefined, from: number, to: number) => {
      if (matched === undefined) return;
      const spelled = text.slice(from, to);
      if (!/[a-z]/.test(spelled)) return;
      for (const name of matched) if (!found.has(name)) found.set(name, spelled.replace(/\s+/g, ' '));
    };
    const tokens = /\S+/g;
    for (let token = tokens.exec(text); token; token = tokens.exec(text)) {
      const word = token[0];
      const at = token.index;
      const after = tokens.lastIndex;
      for (let i = 0; i < word.length; i++) {
        // A name starts at the token's start, or after a character that is not a letter.
        if (i > 0 && isLetter(word[i - 1])) continue;
        // A one-word name: a piece of this token with no letter right after it.
        for (const end of ends(word, i, longestWord))
          record(root.last.get(word.slice(i, end).toLowerCase()), at + i, at + end);
        // Longer names: this token's tail is their first word; middle words are whole tokens; the last starts a token.
        let node = word.length - i <= longestWord ? root.children.get(word.slice(i).toLowerCase()) : undefined;
        const next = /\S+/g;
        next.lastIndex = after;
        for (let m = node ? next.exec(text) : null; node !== undefined && m; m = next.exec(text)) {
          for (const end of ends(m[0], 0, longestWord))
            record(node.last.get(m[0].slice(0, end).toLowerCase()), at + i, m.index + end);
          node = node.children.get(m[0].toLowerCase());
        }
      }
      tokens.lastIndex = after;
    }
  }
  return (name) => found.get(name) ?? name;
}

/**
 * Where in a token a name that starts at `from` may end: the token's end, or before a character that is not a letter.
 */
function ends(token: string, from: number, longest: number): number[] {
  const at: number[] = [];
  for (let end = from + 1; end <= Math.min(token.length, from + longest); end++)
    if (end === token.length || !isLetter(token[end])) at.push(end);
  return at;
}
