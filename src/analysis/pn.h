/* PN centrality on the sparse signed graph (pn.c). */
#ifndef AG_PN_H
#define AG_PN_H

#include "analysis/net.h"

/* Solves (I - A / (2n - 2)) x = 1 for x, A = P - 2N where P (N) marks the
 * pairs whose net tie in s is positive (negative): Everett and Borgatti's PN
 * centrality, out[v] for each of s->n nodes. The matrix is symmetric and
 * positive semi-definite, so conjugate gradients from x = 1 converge. Where
 * it is singular (two actors and one conflict is the only such graph known)
 * but the system has solutions, the result is the solution nearest x = 1
 * (for the two actors: 1/2 each); AG_EGRAPH when it has none, AG_ENOMEM.
 * Calls no igraph function. */
ag_status ag__pn_sparse(const ag_net *s, double *out, ag_error *err);

#endif
