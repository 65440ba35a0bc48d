/**
 * Lets the event loop turn once. ExcelJS's streaming writer (WorkbookWriter) compresses and
 * writes on the loop's turns and gives no backpressure to `row.commit()`; a producer whose reads
 * resolve without I/O (better-sqlite3 answers synchronously) would otherwise queue the whole file
 * in memory before a byte is compressed. Streaming exports call it after each batch.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
