/* csvio.h: streaming CSV input and output for imports and exports (Excel's CP1251 and UTF-8). */
#ifndef NASTAVNIK_CSVIO_H
#define NASTAVNIK_CSVIO_H

#include <stdio.h>

#include "util.h"

enum csv_encoding {
	CSV_ENC_AUTO,
	CSV_ENC_UTF8,
	CSV_ENC_CP1251
};

/*
 * "auto", "utf-8"/"utf8", "cp1251"/"windows-1251" (any case) to an
 * enum csv_encoding; -1 if unknown.
 */
int	 csv_encoding_parse(const char *);
/* "utf-8" or "cp1251" (for messages and --encoding). */
const char *csv_encoding_name(int);

/*
 * Delimiters are 0 (auto: detect on input, ';' on output), ';', ',' or '\t'.
 * Parses "auto", ";", ",", "tab", "\t" (a real TAB or the two characters),
 * "semicolon", "comma"; -1 if unknown.
 */
int	 csv_delimiter_parse(const char *);
/* "auto", ";", "," or "tab". */
const char *csv_delimiter_name(int);

/*
 * One record.  Fields are UTF-8 with surrounding spaces (also no-break
 * spaces) trimmed and "\r\n" inside quoted fields turned into "\n"; they stay
 * valid until the next csvin_next or csvin_close.
 */
struct csv_row {
	char	**f;
	int	  n;
	long	  line;		/* line number where the record starts, 1-based */
};

/*
 * Reading.  The file is read in 64 KiB blocks, converted to UTF-8 block by
 * block and parsed by libcsv: memory grows only with the longest record (a
 * record over 16 MB is refused as a probable unclosed quote), never with
 * the file.
 *
 * encoding CSV_ENC_AUTO: a UTF-8 BOM means UTF-8 (the BOM is dropped); else
 * UTF-8 if the first 64 KiB are valid UTF-8; else CP1251.  delimiter 0: the
 * most frequent of ';', ',' and TAB outside quotes in the first non-empty
 * line (';' wins ties, as Russian Excel writes).
 *
 * Errors name the file and, when reading, the line: a missing or unreadable
 * file, a folder, a NUL byte (a binary file such as .xlsx), invalid UTF-8
 * (the message suggests --encoding cp1251), a quoted field not closed at the
 * end of the file.
 */
struct csvin;

int	 csvin_open(struct csvin **, const char *, int, int, struct nerr *);
/*
 * The next record: 1 a record in *row, 0 end of file, -1 error.  Records
 * whose fields are all empty (empty lines, ";;;") are skipped.  After an
 * error or the end, further calls return the same.
 */
int	 csvin_next(struct csvin *, struct csv_row *, struct nerr *);
void	 csvin_close(struct csvin *);
/* What was detected or given: CSV_ENC_UTF8 or CSV_ENC_CP1251. */
int	 csvin_encoding(const struct csvin *);
/* What was detected or given: ';', ',' or '\t'. */
int	 csvin_delimiter(const struct csvin *);

/*
 * Mapping a header row to the columns a caller knows.  Each column has a key
 * (for the caller) and a NULL-terminated list of accepted header names,
 * Russian and English.  Matching ignores case, ё/е, surrounding and doubled
 * spaces (no-break spaces too), "*" marks, trailing dots and colons; "№ п/п"
 * and "№п/п" match "№".  A header name with a trailing "(...)" note, such as
 * "Дата рождения (ДД.ММ.ГГГГ)", matches when its part before the note does.
 */
struct csv_col {
	const char		 *key;
	const char *const	 *names;
};

/*
 * Fill idx[ncols] with the header's column index (0-based) for each col, or
 * -1 if absent.  Two header columns meaning the same col is an error that
 * names both (as Excel's column letters and their text).  Columns of the
 * header that match nothing are ignored: see csv_header_ignored.
 */
int	 csv_map_header(const struct csv_row *, const struct csv_col *, int,
	    int *, struct nerr *);
/*
 * The non-empty header columns that csv_map_header left unused, as one
 * malloc'd string "«Подпись», «Примечание»", or NULL if there are none, so
 * the caller can say they were ignored.
 */
char	*csv_header_ignored(const struct csv_row *, const int *, int);
/* Excel's name for a 0-based column: "A", "Z", "AA"; into buf of 8 bytes. */
const char *csv_column_name(int, char *);

/*
 * Writing.  Records end in CRLF (as Excel writes); fields are quoted when
 * they hold the delimiter, a quote, CR or LF, or begin or end with a space.
 * encoding CSV_ENC_UTF8 (or AUTO) writes UTF-8, with a BOM first if asked so
 * that Excel sees the encoding; CSV_ENC_CP1251 converts, and a character
 * CP1251 lacks is written as '?' and counted (csvout_lost) so the caller can
 * warn.  The FILE is the caller's: csvout_close flushes it but does not
 * close it.  Write errors come back as sentences ("the disk is full").
 */
struct csvout;

int	 csvout_open(struct csvout **, FILE *, int, int, int, struct nerr *);
/* NULL fields are written empty. */
int	 csvout_row(struct csvout *, const char *const *, int, struct nerr *);
/* Characters written as '?' so far. */
long	 csvout_lost(const struct csvout *);
/* Flush and free; returns -1 if anything failed to be written. */
int	 csvout_close(struct csvout *, struct nerr *);

#endif
