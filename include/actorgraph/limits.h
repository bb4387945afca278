/* The limits every reader enforces, so that no input can take unbounded
 * memory or time; docs/format.md ("Limits") documents each. Past a limit
 * the input is refused with an error that names it. */
#ifndef ACTORGRAPH_LIMITS_H
#define ACTORGRAPH_LIMITS_H

/* Bytes of one input file (after reading; standard input included). */
#define AG_MAX_INPUT_BYTES (256u * 1024u * 1024u)

/* Actors and relations in one graph. */
#define AG_MAX_ACTORS 1000000u
#define AG_MAX_RELATIONS 5000000u

/* Bytes of one text value (a name, a label, a title, a description, a
 * note; a DOT label after its escapes are expanded). */
#define AG_MAX_STRING_BYTES (64u * 1024u)

/* Nesting: GML lists, DOT subgraphs (braces). JSON arrays and objects are
 * limited by jansson (2048 levels), XML elements by libxml2 (256). */
#define AG_MAX_NESTING 200

/* Problems kept per input: past this many, the rest are counted and
 * summarised in one last line ("N more problems not shown"). */
#define AG_MAX_DIAGNOSTICS 1000u

/* The smallest relation weight accepted: weights are in [1e-9, 1]. Smaller
 * (subnormal) weights make products underflow in the analyses (hub and
 * authority scores, leiden's quality), and no judgement of a tie's
 * strength is that precise. */
#define AG_MIN_WEIGHT 1e-9

#endif
