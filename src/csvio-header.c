/* csvio-header.c: finding known columns in a CSV header, whatever the school called them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "csvio-int.h"
#include "text.h"
#include "util.h"

/* Is s (after a "№") just "п/п" in some spelling? */
static int
csv_is_pp(const char *s)
{
	char	buf[16];
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '.' || *s == '/' || *s == '\\')
			continue;
		if (n + 1 >= sizeof buf)
			return (0);
		buf[n++] = *s;
	}
	buf[n] = '\0';
	return (n == 0 || strcmp(buf, "пп") == 0);
}

/*
 * A header name as compared: folded (case, ё), blanks collapsed, "*" and
 * trailing dots and colons dropped; with drop_note, also a trailing "(...)".
 */
static char *
csv_norm(const char *name, int drop_note)
{
	struct sbuf		 f, b;
	const unsigned char	*u;
	size_t			 len, n;
	char			*open;

	sbuf_init(&f);
	sbuf_init(&b);
	text_fold(&f, name);
	sbuf_add(&b, "");
	u = (const unsigned char *)(f.s != NULL ? f.s : "");
	len = strlen((const char *)u);
	while (len > 0) {
		if ((n = csvio_blank_at(u, len)) > 0) {
			if (b.len > 0 && b.s[b.len - 1] != ' ')
				sbuf_addc(&b, ' ');
		} else {
			n = 1;
			if (*u != '*')
				sbuf_addc(&b, *u);
		}
		u += n;
		len -= n;
	}
	for (;;) {
		while (b.len > 0 && (b.s[b.len - 1] == ' ' ||
		    b.s[b.len - 1] == '.' || b.s[b.len - 1] == ':'))
			b.s[--b.len] = '\0';
		if (!drop_note || b.len == 0 || b.s[b.len - 1] != ')' ||
		    (open = strrchr(b.s, '(')) == NULL || open == b.s)
			break;
		*open = '\0';
		b.len = (size_t)(open - b.s);
		drop_note = 0;
	}
	if (strncmp(b.s, "№", strlen("№")) == 0 &&
	    csv_is_pp(b.s + strlen("№"))) {
		sbuf_reset(&b);
		sbuf_add(&b, "№");
	}
	sbuf_free(&f);
	return (sbuf_take(&b));
}

const char *
csv_column_name(int col, char *buf)
{
	char	tmp[8];
	int	n = 0, i;

	if (col < 0)
		col = 0;
	do {
		tmp[n++] = (char)('A' + col % 26);
		col = col / 26 - 1;
	} while (col >= 0 && n < 7);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return (buf);
}

/* Which col does the header name hn (normalised) mean?  -1 if none. */
static int
csv_match(const char *hn, const struct csv_col *cols, int ncols)
{
	char	*cn;
	int	 c, k, same;

	for (c = 0; c < ncols; c++) {
		for (k = 0; cols[c].names[k] != NULL; k++) {
			cn = csv_norm(cols[c].names[k], 0);
			same = strcmp(hn, cn) == 0;
			free(cn);
			if (same)
				return (c);
		}
	}
	return (-1);
}

int
csv_map_header(const struct csv_row *hdr, const struct csv_col *cols,
    int ncols, int *idx, struct nerr *err)
{
	char	*hn, a[8], b[8];
	int	 pass, h, c, rc = 0;

	for (c = 0; c < ncols; c++)
		idx[c] = -1;
	/* Exact names first, so that "Дата (примечание)" never wins over "Дата". */
	for (pass = 0; pass < 2 && rc == 0; pass++) {
		for (h = 0; h < hdr->n && rc == 0; h++) {
			for (c = 0; c < ncols && pass == 1; c++)
				if (idx[c] == h)
					break;
			if (pass == 1 && c < ncols)
				continue;
			hn = csv_norm(hdr->f[h], pass);
			c = hn[0] == '\0' ? -1 : csv_match(hn, cols, ncols);
			free(hn);
			if (c == -1)
				continue;
			if (idx[c] == -1) {
				idx[c] = h;
				continue;
			}
			rc = nerr_set(err, _("Columns %s (\"%s\") and %s (\"%s\") "
			    "of the header mean the same thing; delete or rename "
			    "one of them."), csv_column_name(idx[c], a),
			    hdr->f[idx[c]], csv_column_name(h, b), hdr->f[h]);
		}
	}
	return (rc);
}

char *
csv_header_ignored(const struct csv_row *hdr, const int *idx, int ncols)
{
	struct sbuf	b;
	int		h, c;

	sbuf_init(&b);
	for (h = 0; h < hdr->n; h++) {
		if (hdr->f[h][0] == '\0')
			continue;
		for (c = 0; c < ncols; c++)
			if (idx[c] == h)
				break;
		if (c < ncols)
			continue;
		if (b.len > 0)
			sbuf_add(&b, ", ");
		sbuf_addf(&b, "«%s»", hdr->f[h]);
	}
	return (b.len == 0 ? (sbuf_free(&b), NULL) : sbuf_take(&b));
}
