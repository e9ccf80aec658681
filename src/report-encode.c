/* report-encode.c: reports in the encodings of old printers and programs, nothing dropped silently. */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "report.h"
#include "text.h"
#include "util.h"

static const struct {
	const char	*name;
	const char	*iconv;
} report_encs[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "cp866", "CP866" }, { "ibm866", "CP866" },
	{ "cp1251", "CP1251" }, { "windows-1251", "CP1251" },
	{ "koi8-r", "KOI8-R" }, { "koi8r", "KOI8-R" },
};

static const char *
report_iconv_name(const char *e)
{
	size_t	i;

	if (e == NULL)
		return ("UTF-8");
	for (i = 0; i < nitems(report_encs); i++)
		if (strcasecmp(e, report_encs[i].name) == 0)
			return (report_encs[i].iconv);
	return (NULL);
}

int
report_encoding_valid(const char *e)
{
	return (report_iconv_name(e) != NULL);
}

/*
 * Typographic marks old code pages lack, as the ASCII a typist would use:
 * one column for one, so the layout holds.
 */
static int
report_fallback(uint32_t cp)
{
	switch (cp) {
	case 0x2013: case 0x2014: case 0x2212: return ('-');
	case 0x00ab: case 0x00bb: case 0x201c: case 0x201d: case 0x201e:
		return ('"');
	case 0x2018: case 0x2019: return ('\'');
	case 0x2026: return ('.');
	case 0x00a0: return (' ');
	case 0x2192: return ('>');
	case 0x2116: return ('N');
	}
	return (0);
}

int
report_encode(const char *utf8, const char *encoding, struct sbuf *out,
    int *replaced, struct nerr *err)
{
	const char	*name = report_iconv_name(encoding);
	iconv_t		 cd;
	size_t		 len, n, i = 0, il, ol;
	uint32_t	 cp;
	char		 ob[16], fb, *ip, *op;

	if (replaced != NULL)
		*replaced = 0;
	if (name == NULL)
		return (nerr_set(err, _("There is no encoding \"%s\"; use "
		    "utf-8, cp866, cp1251 or koi8-r."), encoding));
	sbuf_add(out, "");
	len = strlen(utf8);
	if (strcmp(name, "UTF-8") == 0) {
		sbuf_addn(out, utf8, len);
		return (0);
	}
	if ((cd = iconv_open(name, "UTF-8")) == (iconv_t)-1)
		return (nerr_set(err, _("This system cannot convert text to "
		    "%s; print in utf-8 instead."), name));
	while (i < len) {
		n = utf8_decode(utf8 + i, len - i, &cp);
		if (cp < 0x80) {
			sbuf_addc(out, (unsigned char)utf8[i]);
			i += n;
			continue;
		}
		ip = (char *)(uintptr_t)(utf8 + i);
		il = n;
		op = ob;
		ol = sizeof ob;
		if (cp == 0xfffd ||
		    iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
			iconv(cd, NULL, NULL, NULL, NULL);
			if ((fb = (char)report_fallback(cp)) != 0)
				sbuf_addc(out, fb);
			else {
				sbuf_addc(out, '?');
				if (replaced != NULL)
					(*replaced)++;
			}
		} else
			sbuf_addn(out, ob, sizeof ob - ol);
		i += n;
	}
	iconv_close(cd);
	return (0);
}
