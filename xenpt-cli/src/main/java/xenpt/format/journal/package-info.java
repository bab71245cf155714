/**
 * The host journal {@code /var/log/xenpt/journal.jsonl}: its path, its one reader (the last apply, the ids, for
 * observe and apply) and its one writer (a record as one JSON line, the journal with a record appended), pure
 * functions over the file's text; {@code apply} does the I/O.
 */
package xenpt.format.journal;
