/* Shared between library modules; not part of the public API. */
#ifndef AG_INTERNAL_H
#define AG_INTERNAL_H

/* The first message of the last igraph error since the last clear. */
const char *ag__igraph_message(void);
void ag__igraph_message_clear(void);
/* Graphviz's messages (errors and worse) since the last clear, joined. */
const char *ag__graphviz_message(void);
void ag__graphviz_message_clear(void);

#endif
