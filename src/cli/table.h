/* Terminal text helpers shared by the commands' table output. */
#ifndef AG_CLI_TABLE_H
#define AG_CLI_TABLE_H

#include <stdio.h>

/* Display width of UTF-8 text in a terminal: East Asian wide characters
 * count 2, combining marks 0, everything else 1. */
int cli_text_width(const char *s);

/* Prints s, escaped as cli_escape does, in exactly width columns: truncated with "~" when longer,
 * padded with spaces (on the right, or on the left when right_align). */
void cli_print_cell(FILE *out, const char *s, int width, int right_align);

/* s made safe to show on a terminal, malloc'd (NULL when out of memory):
 * control characters (C0 but for none, DEL, C1), bidirectional overrides
 * and bytes that are not UTF-8 become visible escapes (\n, \t, \r, \xHH,
 * \u202E), so that data cannot forge lines or move the cursor. Everything
 * else, wide characters included, is kept. */
char *cli_escape(const char *s);

/* Prints s to out escaped as cli_escape does. */
void cli_put_escaped(FILE *out, const char *s);

/* Prints s as one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote or a line break, quotes doubled; otherwise as it is. */
void cli_put_csv_field(FILE *out, const char *s);

#endif
