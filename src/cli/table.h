/* Terminal text helpers shared by the commands' table output. */
#ifndef AG_CLI_TABLE_H
#define AG_CLI_TABLE_H

#include <stdio.h>

/* Display width of UTF-8 text in a terminal: East Asian wide characters
 * count 2, combining marks 0, everything else 1. */
int cli_text_width(const char *s);

/* Prints s in exactly width columns: truncated with "~" when longer,
 * padded with spaces (on the right, or on the left when right_align). */
void cli_print_cell(FILE *out, const char *s, int width, int right_align);

#endif
