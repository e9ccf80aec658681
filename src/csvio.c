/* csvio.c: streaming CSV input and output for imports and exports (Excel's CP1251 and UTF-8). */
#include "config.h"

#include <sys/stat.h>

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "csvio.h"
#include "csvio-int.h"
#include "text.h"
#include "util.h"

#define CSV_BLOCK	(64 * 1024)
/* A record this long is a quote left open, not a class list. */
#define CSV_REC_MAX	(16 * 1024 * 1024)

enum csv_bad {
	BAD_NONE,
	BAD_UTF8,
	BAD_NUL
};

struct csvin {
	char		*path;
	int		 fd;
	int		 enc;
	int		 delim;
	iconv_t		 cd;
	struct csv_parser p;

	/* Raw bytes: a block, or the tail of a UTF-8 sequence cut by a block. */
	char		 raw[CSV_BLOCK];
	size_t		 have;		/* bytes in raw */
	size_t		 carry_off;	/* where the cut sequence starts */
	size_t		 carry;
	int		 primed;	/* raw holds the block read by open */
	int		 bom_checked;
	int		 eof;
	char		*cbuf;		/* CP1251 converted to UTF-8 */

	/* The UTF-8 bytes being fed to libcsv. */
	const char	*data;
	size_t		 dlen;
	size_t		 dpos;
	int		 bad;		/* enum csv_bad at data + dlen */

	long		 line;		/* physical line being fed */
	int		 prev_cr;
	long		 rec_line;	/* where the record being parsed starts */
	long		 field_line;	/* where its last field starts */
	int		 done;		/* end reached or error given */
	int		 failed;
	struct nerr	 last_err;

	/* The record being built: fields end to end, NUL-separated. */
	struct sbuf	 arena;
	size_t		*offs;
	char		**f;
	int		 nf;
	int		 capf;
	int		 row_ready;
};

int
csv_encoding_parse(const char *s)
{
	if (s == NULL || strcasecmp(s, "auto") == 0)
		return (CSV_ENC_AUTO);
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return (CSV_ENC_UTF8);
	if (strcasecmp(s, "cp1251") == 0 ||
	    strcasecmp(s, "windows-1251") == 0 ||
	    strcasecmp(s, "win1251") == 0 || strcasecmp(s, "cp-1251") == 0)
		return (CSV_ENC_CP1251);
	return (-1);
}

const char *
csv_encoding_name(int enc)
{
	switch (enc) {
	case CSV_ENC_UTF8:
		return ("utf-8");
	case CSV_ENC_CP1251:
		return ("cp1251");
	}
	return ("auto");
}

int
csv_delimiter_parse(const char *s)
{
	if (s == NULL || strcasecmp(s, "auto") == 0)
		return (0);
	if (strcmp(s, ";") == 0 || strcasecmp(s, "semicolon") == 0)
		return (';');
	if (strcmp(s, ",") == 0 || strcasecmp(s, "comma") == 0)
		return (',');
	if (strcmp(s, "\t") == 0 || strcmp(s, "\\t") == 0 ||
	    strcasecmp(s, "tab") == 0)
		return ('\t');
	return (-1);
}

const char *
csv_delimiter_name(int d)
{
	switch (d) {
	case ';':
		return (";");
	case ',':
		return (",");
	case '\t':
		return ("tab");
	}
	return ("auto");
}

/* A write or read error as the user should read it. */
const char *
csvio_errstr(int e)
{
	switch (e) {
	case ENOSPC:
		return (_("the disk is full"));
	case EDQUOT:
		return (_("the disk quota is exceeded"));
	case EACCES:
	case EPERM:
		return (_("permission denied"));
	case ENOENT:
		return (_("no such file or folder"));
	}
	return (strerror(e));
}

/* ---- reading ---- */

/* libcsv's blanks: a TAB is a blank only when it is not the delimiter. */
static int
csv_is_space(unsigned char c)
{
	return (c == ' ');
}

static int
csv_is_space_tab(unsigned char c)
{
	return (c == ' ' || c == '\t');
}

static void *
csv_realloc(void *p, size_t n)
{
	return (xreallocarray(p, n, 1));
}

/*
 * Length of a valid UTF-8 prefix of s.  *cut is set when what follows is the
 * start of a sequence that the end of the buffer cut (not an error yet).
 */
static size_t
csv_utf8_prefix(const char *s, size_t len, int *cut)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n, k;
	uint32_t		 cp;

	*cut = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			n = 2;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			n = 3;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			n = 4;
		else
			return (i);
		if (i + n > len) {
			/* Every byte we have must be a continuation. */
			for (k = i + 1; k < len; k++)
				if ((u[k] & 0xc0) != 0x80)
					return (i);
			*cut = 1;
			return (i);
		}
		/* utf8_decode takes 1 byte of anything invalid or overlong. */
		if (utf8_decode(s + i, n, &cp) != n)
			return (i);
		i += n;
	}
	return (i);
}

static int
csvin_detect_delim(const char *s, size_t len)
{
	size_t	 i;
	int	 semi = 0, comma = 0, tab = 0, quoted = 0, content = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		if (quoted) {
			content = 1;
			continue;
		}
		if (s[i] == '\n' || s[i] == '\r') {
			if (content)
				break;
			continue;
		}
		if (s[i] == ';')
			semi++;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == '\t')
			tab++;
		if (s[i] != ' ' && s[i] != '\t')
			content = 1;
	}
	if (tab > semi && tab > comma)
		return ('\t');
	if (comma > semi)
		return (',');
	return (';');
}

static int
csvin_read(struct csvin *in, struct nerr *err)
{
	ssize_t	n;

	while (in->have < sizeof in->raw) {
		n = read(in->fd, in->raw + in->have, sizeof in->raw - in->have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			return (nerr_set(err, _("Cannot read %s: %s."),
			    in->path, csvio_errstr(errno)));
		}
		if (n == 0) {
			in->eof = 1;
			break;
		}
		in->have += (size_t)n;
	}
	return (0);
}

/* CP1251 has one hole (0x98): it becomes U+FFFD rather than stop the import. */
static void
csvin_conv_cp1251(struct csvin *in)
{
	char	*ip = in->raw, *op = in->cbuf;
	size_t	 il = in->have, ol = 3 * CSV_BLOCK;

	while (il > 0) {
		if (iconv(in->cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno != EILSEQ && errno != EINVAL)
			break;
		memcpy(op, "\xef\xbf\xbd", 3);
		op += 3;
		ol -= 3;
		ip++;
		il--;
	}
	in->data = in->cbuf;
	in->dlen = (size_t)(op - in->cbuf);
	in->have = 0;
}

static void
csvin_conv_utf8(struct csvin *in)
{
	size_t	 off = 0, v;
	int	 cut;

	if (!in->bom_checked) {
		in->bom_checked = 1;
		if (in->have >= 3 && memcmp(in->raw, "\xef\xbb\xbf", 3) == 0)
			off = 3;
	}
	v = csv_utf8_prefix(in->raw + off, in->have - off, &cut);
	in->data = in->raw + off;
	in->dlen = v;
	in->carry = 0;
	if (off + v < in->have) {
		if (cut && !in->eof) {
			in->carry_off = off + v;
			in->carry = in->have - in->carry_off;
		} else
			in->bad = BAD_UTF8;
	}
	in->have = 0;
}

/* The next block of UTF-8 to feed: 1, or 0 at the end of the file. */
static int
csvin_fill(struct csvin *in, struct nerr *err)
{
	const char	*nul;

	for (;;) {
		if (in->bad != BAD_NONE)
			return (1);
		if (in->carry > 0) {
			memmove(in->raw, in->raw + in->carry_off, in->carry);
			in->have = in->carry;
			in->carry = 0;
		}
		if (in->primed)
			in->primed = 0;
		else if (!in->eof && csvin_read(in, err) == -1)
			return (-1);
		if (in->have == 0 && in->eof)
			return (0);
		if (in->enc == CSV_ENC_CP1251)
			csvin_conv_cp1251(in);
		else
			csvin_conv_utf8(in);
		in->dpos = 0;
		if ((nul = memchr(in->data, '\0', in->dlen)) != NULL) {
			in->dlen = (size_t)(nul - in->data);
			in->bad = BAD_NUL;
		}
		if (in->dlen > 0 || in->bad != BAD_NONE)
			return (1);
	}
}

int
csvin_open(struct csvin **inp, const char *path, int enc, int delim,
    struct nerr *err)
{
	struct csvin	*in;
	struct stat	 st;
	int		 fd, cut;
	size_t		 off;

	*inp = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		return (nerr_set(err, _("Cannot open %s: %s."), path,
		    csvio_errstr(errno)));
	}
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		close(fd);
		return (nerr_set(err, _("%s is a folder, not a CSV file; "
		    "give the path of a file."), path));
	}
	in = xcalloc(1, sizeof *in);
	in->path = xstrdup(path);
	in->fd = fd;
	in->cd = (iconv_t)-1;
	sbuf_init(&in->arena);
	if (csvin_read(in, err) == -1) {
		csvin_close(in);
		return (-1);
	}
	in->primed = 1;
	in->line = 1;

	off = 0;
	if (in->have >= 3 && memcmp(in->raw, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	if (enc != CSV_ENC_UTF8 && enc != CSV_ENC_CP1251) {
		if (off == 3)
			enc = CSV_ENC_UTF8;
		else if (csv_utf8_prefix(in->raw, in->have, &cut) == in->have ||
		    (cut && !in->eof))
			enc = CSV_ENC_UTF8;
		else
			enc = CSV_ENC_CP1251;
	}
	in->enc = enc;
	if (enc == CSV_ENC_CP1251) {
		in->bom_checked = 1;
		if ((in->cd = iconv_open("UTF-8", "CP1251")) == (iconv_t)-1) {
			csvin_close(in);
			return (nerr_set(err, _("Cannot read %s: this system "
			    "cannot convert from CP1251."), path));
		}
		in->cbuf = xmalloc(3 * CSV_BLOCK);
	}
	if (delim != ';' && delim != ',' && delim != '\t')
		delim = csvin_detect_delim(in->raw + off, in->have - off);
	in->delim = delim;

	if (csv_init(&in->p, CSV_APPEND_NULL) != 0) {
		csvin_close(in);
		return (nerr_set(err, _("Cannot read %s: out of memory."),
		    path));
	}
	csv_set_delim(&in->p, (unsigned char)delim);
	csv_set_blk_size(&in->p, CSV_BLOCK);
	csv_set_space_func(&in->p, delim == '\t' ? csv_is_space :
	    csv_is_space_tab);
	csv_set_realloc_func(&in->p, csv_realloc);
	csv_set_free_func(&in->p, free);
	*inp = in;
	return (0);
}

void
csvin_close(struct csvin *in)
{
	if (in == NULL)
		return;
	if (in->fd != -1)
		close(in->fd);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->p.entry_buf != NULL || in->p.free_func != NULL)
		csv_free(&in->p);
	free(in->cbuf);
	sbuf_free(&in->arena);
	free(in->offs);
	free(in->f);
	free(in->path);
	free(in);
}

int
csvin_encoding(const struct csvin *in)
{
	return (in->enc);
}

int
csvin_delimiter(const struct csvin *in)
{
	return (in->delim);
}

/* Fixed spaces count too: Excel cells often end in a no-break space. */
size_t
csvio_blank_at(const unsigned char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
	    s[0] == '\n' || s[0] == '\v' || s[0] == '\f'))
		return (1);
	if (len >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return (2);
	if (len >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    (s[2] == 0x87 || s[2] == 0xaf))		/* U+2007, U+202F */
		return (3);
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		return (3);				/* U+FEFF */
	return (0);
}

size_t
csvio_blank_before(const unsigned char *s, size_t len)
{
	size_t	n;

	for (n = 1; n <= 3 && n <= len; n++) {
		if (csvio_blank_at(s + len - n, n) == n)
			return (n);
	}
	return (0);
}

/* libcsv's end of a field: keep it trimmed in the arena. */
static void
csvin_cb_field(void *s, size_t len, void *arg)
{
	struct csvin		*in = arg;
	const unsigned char	*u = s;
	size_t			 n, i, j, start;
	char			*d;

	while ((n = csvio_blank_at(u, len)) > 0) {
		u += n;
		len -= n;
	}
	while ((n = csvio_blank_before(u, len)) > 0)
		len -= n;
	if (in->nf == in->capf) {
		in->capf = in->capf == 0 ? 16 : in->capf * 2;
		in->offs = xreallocarray(in->offs, in->capf, sizeof *in->offs);
		in->f = xreallocarray(in->f, in->capf, sizeof *in->f);
	}
	in->offs[in->nf++] = start = in->arena.len;
	sbuf_addn(&in->arena, (const char *)u, len);
	sbuf_addc(&in->arena, '\0');
	if (memchr(u, '\r', len) != NULL) {
		d = in->arena.s + start;
		for (i = 0, j = 0; i < len; i++) {
			if (d[i] != '\r' || d[i + 1] != '\n')
				d[j++] = d[i];
		}
		d[j] = '\0';
		in->arena.len = start + j + 1;
	}
	in->field_line = in->line;
}

static void
csvin_cb_row(int c, void *arg)
{
	struct csvin	*in = arg;

	(void)c;
	in->row_ready = 1;
}

/* Does a piece of a line hold anything that starts a record? */
static int
csvin_content(const struct csvin *in, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\r' || s[i] == '\n')
			continue;
		if (s[i] == '\t' && in->delim != '\t')
			continue;
		return (1);
	}
	return (0);
}

static int
csvin_fail(struct csvin *in, struct nerr *err, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	nerr_vset(&in->last_err, fmt, ap);
	va_end(ap);
	in->failed = in->done = 1;
	if (err != NULL)
		*err = in->last_err;
	return (-1);
}

/* Feed libcsv up to the next line end (so line numbers stay exact). */
static int
csvin_feed(struct csvin *in, struct nerr *err)
{
	const char	*s = in->data + in->dpos;
	size_t		 len = in->dlen - in->dpos, n, size;

	for (n = 0; n < len; n++) {
		if (s[n] == '\n' || s[n] == '\r') {
			n++;
			break;
		}
	}
	if (in->rec_line == 0 && csvin_content(in, s, n))
		in->rec_line = in->field_line = in->line;
	if (csv_parse(&in->p, s, n, csvin_cb_field, csvin_cb_row, in) != n) {
		return (csvin_fail(in, err, _("%s, line %ld: the record is "
		    "too long to read."), in->path, in->line));
	}
	in->dpos += n;
	if (s[n - 1] == '\n') {
		if (!in->prev_cr)
			in->line++;
		in->prev_cr = 0;
	} else if (s[n - 1] == '\r') {
		in->line++;
		in->prev_cr = 1;
	} else
		in->prev_cr = 0;
	/* libcsv grows its buffer by a fixed step: make that geometric. */
	if ((size = csv_get_buffer_size(&in->p)) > CSV_BLOCK)
		csv_set_blk_size(&in->p, size);
	if (size + in->arena.len > CSV_REC_MAX) {
		return (csvin_fail(in, err, _("%s, line %ld: the record is "
		    "longer than 16 MB; a quoted field is probably not "
		    "closed."), in->path, in->rec_line));
	}
	return (0);
}

static int
csvin_bad(struct csvin *in, struct nerr *err)
{
	if (in->bad == BAD_NUL) {
		return (csvin_fail(in, err, _("%s, line %ld: a NUL byte; this "
		    "is not a text file (save the table from Excel as CSV)."),
		    in->path, in->line));
	}
	return (csvin_fail(in, err, _("%s, line %ld: not valid UTF-8; try "
	    "--encoding cp1251."), in->path, in->line));
}

static int
csvin_finish(struct csvin *in, struct nerr *err)
{
	/* Strict only now: a stray quote inside a field is forgiven, an
	 * unclosed one at the end is not. */
	csv_set_opts(&in->p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI);
	if (csv_fini(&in->p, csvin_cb_field, csvin_cb_row, in) != 0) {
		return (csvin_fail(in, err, _("%s, line %ld: a quoted field "
		    "is not closed."), in->path, in->field_line));
	}
	in->done = 1;
	return (0);
}

static void
csvin_reset_row(struct csvin *in)
{
	sbuf_reset(&in->arena);
	in->nf = 0;
	in->row_ready = 0;
	in->rec_line = 0;
}

/* Hand the record out unless every field is empty. */
static int
csvin_emit(struct csvin *in, struct csv_row *row)
{
	int	i, empty = 1;

	for (i = 0; i < in->nf; i++) {
		if (in->arena.s[in->offs[i]] != '\0')
			empty = 0;
	}
	if (empty)
		return (0);
	for (i = 0; i < in->nf; i++)
		in->f[i] = in->arena.s + in->offs[i];
	row->f = in->f;
	row->n = in->nf;
	row->line = in->rec_line;
	return (1);
}

int
csvin_next(struct csvin *in, struct csv_row *row, struct nerr *err)
{
	struct nerr	ferr;
	int		rc;

	row->f = NULL;
	row->n = 0;
	row->line = 0;
	if (in->failed) {
		if (err != NULL)
			*err = in->last_err;
		return (-1);
	}
	csvin_reset_row(in);
	while (!in->done) {
		if (in->dpos == in->dlen) {
			if (in->bad != BAD_NONE)
				return (csvin_bad(in, err));
			if ((rc = csvin_fill(in, &ferr)) == -1)
				return (csvin_fail(in, err, "%s", ferr.msg));
			if (rc == 0 && csvin_finish(in, err) == -1)
				return (-1);
		} else if (csvin_feed(in, err) == -1)
			return (-1);
		if (in->row_ready) {
			if (csvin_emit(in, row))
				return (1);
			csvin_reset_row(in);
		}
	}
	return (0);
}
