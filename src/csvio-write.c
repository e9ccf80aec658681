/* csvio-write.c: writing CSV that Russian Excel opens (CP1251 or UTF-8 with a BOM, CRLF). */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "csvio-int.h"
#include "text.h"
#include "util.h"

struct csvout {
	FILE		*fp;
	int		 enc;
	int		 delim;
	iconv_t		 cd;
	struct sbuf	 line;
	char		*cbuf;		/* the line in CP1251 */
	size_t		 clen;
	size_t		 ccap;
	long		 lost;
	int		 failed;
};

static int
csvout_fail(struct csvout *out, int e, struct nerr *err)
{
	out->failed = e == 0 ? EIO : e;
	return (nerr_set(err, _("Cannot write the CSV file: %s."),
	    csvio_errstr(out->failed)));
}

int
csvout_open(struct csvout **outp, FILE *fp, int enc, int delim, int bom,
    struct nerr *err)
{
	struct csvout	*out;

	*outp = NULL;
	if (delim == 0)
		delim = ';';
	if (delim != ';' && delim != ',' && delim != '\t')
		return (nerr_set(err, _("The CSV delimiter must be \";\", "
		    "\",\" or a tab.")));
	out = xcalloc(1, sizeof *out);
	out->fp = fp;
	out->enc = enc == CSV_ENC_CP1251 ? CSV_ENC_CP1251 : CSV_ENC_UTF8;
	out->delim = delim;
	out->cd = (iconv_t)-1;
	sbuf_init(&out->line);
	if (out->enc == CSV_ENC_CP1251 &&
	    (out->cd = iconv_open("CP1251", "UTF-8")) == (iconv_t)-1) {
		free(out);
		return (nerr_set(err, _("Cannot write CP1251: this system "
		    "cannot convert to it; use --encoding utf-8.")));
	}
	if (bom && out->enc == CSV_ENC_UTF8 &&
	    fwrite("\xef\xbb\xbf", 1, 3, fp) != 3) {
		csvout_fail(out, errno, err);
		csvout_close(out, NULL);
		return (-1);
	}
	*outp = out;
	return (0);
}

static void
csvout_field(struct csvout *out, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 len = strlen(s);
	int			 quote;

	quote = strchr(s, out->delim) != NULL || strpbrk(s, "\"\r\n") != NULL ||
	    (len > 0 && (csvio_blank_at(u, len) > 0 ||
	    csvio_blank_before(u, len) > 0));
	if (!quote) {
		sbuf_addn(&out->line, s, len);
		return;
	}
	sbuf_addc(&out->line, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			sbuf_addc(&out->line, '"');
		sbuf_addc(&out->line, *s);
	}
	sbuf_addc(&out->line, '"');
}

/* UTF-8 to CP1251 into out->cbuf; what CP1251 lacks becomes '?'. */
static void
csvout_cp1251(struct csvout *out)
{
	char		*ip = out->line.s, *op;
	size_t		 il = out->line.len, ol, n;
	uint32_t	 cp;

	/* CP1251 has one byte per character: never longer than the UTF-8. */
	if (out->ccap < il) {
		out->cbuf = xreallocarray(out->cbuf, il, 1);
		out->ccap = il;
	}
	op = out->cbuf;
	ol = il;
	while (il > 0) {
		if (iconv(out->cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG)
			break;
		n = utf8_decode(ip, il, &cp);
		*op++ = '?';
		ol--;
		ip += n;
		il -= n;
		out->lost++;
	}
	out->clen = (size_t)(op - out->cbuf);
}

int
csvout_row(struct csvout *out, const char *const *f, int n, struct nerr *err)
{
	const char	*p;
	size_t		 len;
	int		 i;

	if (out->failed)
		return (csvout_fail(out, out->failed, err));
	sbuf_reset(&out->line);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sbuf_addc(&out->line, out->delim);
		csvout_field(out, f[i] != NULL ? f[i] : "");
	}
	sbuf_add(&out->line, "\r\n");
	p = out->line.s;
	len = out->line.len;
	if (out->enc == CSV_ENC_CP1251) {
		csvout_cp1251(out);
		p = out->cbuf;
		len = out->clen;
	}
	if (fwrite(p, 1, len, out->fp) != len)
		return (csvout_fail(out, errno, err));
	return (0);
}

long
csvout_lost(const struct csvout *out)
{
	return (out->lost);
}

int
csvout_close(struct csvout *out, struct nerr *err)
{
	int	rc = 0;

	if (out == NULL)
		return (0);
	if (out->failed)
		rc = csvout_fail(out, out->failed, err);
	else if (fflush(out->fp) != 0 || ferror(out->fp))
		rc = csvout_fail(out, errno, err);
	if (out->cd != (iconv_t)-1)
		iconv_close(out->cd);
	sbuf_free(&out->line);
	free(out->cbuf);
	free(out);
	return (rc);
}
