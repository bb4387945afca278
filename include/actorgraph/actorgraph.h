/* actorgraph's core library: everything a front end needs. The library
 * never prints and never exits; every call returns an ag_status and fills an
 * ag_error. */
#ifndef ACTORGRAPH_H
#define ACTORGRAPH_H

#include "actorgraph/analyze.h"
#include "actorgraph/audit.h"
#include "actorgraph/cluster.h"
#include "actorgraph/error.h"
#include "actorgraph/events.h"
#include "actorgraph/explain.h"
#include "actorgraph/export.h"
#include "actorgraph/io.h"
#include "actorgraph/limits.h"
#include "actorgraph/load.h"
#include "actorgraph/merge.h"
#include "actorgraph/model.h"
#include "actorgraph/progress.h"
#include "actorgraph/render.h"
#include "actorgraph/scenario.h"
#include "actorgraph/select.h"
#include "actorgraph/timeline.h"
#include "actorgraph/vocab.h"
#include "actorgraph/whatif.h"

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *ag_version(void);

/* Routes igraph's and Graphviz's error reporting into the library so that
 * neither ever aborts or prints; call once before any other call. */
void ag_init(void);

#endif
