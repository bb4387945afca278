/* Messages, default paths and loading shared by the commands. */
#define _DEFAULT_SOURCE
#include "cli.h"
#include "table.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef AG_SOURCE_DIR
#define AG_SOURCE_DIR "."
#endif
#define DEFAULT_GRAPH_FILE "dprk-russia.json"

void cli_print_error(const ag_error *e)
{
    /* file names, pointers and messages carry the input's ids and names:
       escaped, they cannot forge lines or drive the terminal */
    fputs("actorgraph: ", stderr);
    if (e->file[0]) {
        cli_put_escaped(stderr, e->file);
        if (e->line > 0)
            fprintf(stderr, ":%d", e->line);
        if (e->line > 0 && e->column > 0)
            fprintf(stderr, ":%d", e->column);
        fputs(": ", stderr);
    }
    if (e->severity == AG_SEV_WARNING)
        fputs("warning: ", stderr);
    if (e->pointer[0]) {
        cli_put_escaped(stderr, e->pointer);
        fputs(": ", stderr);
    }
    cli_put_escaped(stderr, e->message);
    fputc('\n', stderr);
}

void cli_print_diags(const ag_diags *d)
{
    for (size_t i = 0; i < d->count; i++)
        cli_print_error(&d->items[i]);
}

/* Prints every error but only the first CLI_WARNINGS_SHOWN warnings, then
 * one line counting the others and naming the command that lists them:
 * commands that only read a graph should not bury their output under a
 * historical graph's hundreds of date warnings. */
static void print_load_diags(const ag_diags *d, const char *file, int dated)
{
    size_t shown = 0, hidden = 0;
    for (size_t i = 0; i < d->count; i++) {
        const ag_error *e = &d->items[i];
        int summary = e->line == 0 && e->pointer[0] == 0 && i + 1 == d->count &&
                      strstr(e->message, " not shown (") != NULL;
        size_t plen = strlen(e->pointer);
        /* the checker's "ended before the latest source" warning says the
           relations count unless a date is selected: with one, it is moot */
        if (dated && e->severity == AG_SEV_WARNING && plen > 4 &&
            strcmp(e->pointer + plen - 4, "/end") == 0 && strncmp(e->message, "ended ", 6) == 0)
            continue;
        if (e->severity != AG_SEV_WARNING) {
            cli_print_error(e);
        } else if (summary) {
            hidden = d->warnings > shown ? d->warnings - shown : 0;
        } else if (shown < CLI_WARNINGS_SHOWN) {
            cli_print_error(e);
            shown++;
        } else {
            hidden++;
        }
    }
    if (hidden) {
        fputs("actorgraph: ", stderr);
        cli_put_escaped(stderr, file);
        fprintf(stderr,
                ": warning: %zu more warning%s not shown ('actorgraph validate' lists "
                "them all)\n",
                hidden, hidden == 1 ? "" : "s");
    }
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "actorgraph: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'actorgraph help%s%s' for more information.\n", cmd ? " " : "",
            cmd ? cmd : "");
    return AG_EXIT_USAGE;
}

void cli_print_usage(const ag_command *c, FILE *out)
{
    fputs(c->usage, out);
}

static int readable(const char *path)
{
    return access(path, R_OK) == 0;
}

const char *cli_default_graph(void)
{
    static char path[PATH_MAX + 64];
    char exe[PATH_MAX];
    const char *env = getenv("ACTORGRAPH_DEFAULT_GRAPH");
    ssize_t n;

    if (env && env[0])
        return env;
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(path, sizeof path, "%s/../share/actorgraph/graphs/%s", exe,
                     DEFAULT_GRAPH_FILE);
            if (readable(path))
                return path;
        }
    }
    snprintf(path, sizeof path, "%s/graphs/%s", AG_SOURCE_DIR, DEFAULT_GRAPH_FILE);
    if (readable(path))
        return path;
    return NULL;
}

char *cli_default_output(const ag_graph *g, const char *ext)
{
    size_t len = strlen(g->name) + strlen(ext) + sizeof "out/.";
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "out/%s.%s", g->name, ext);
    return p;
}

int cli_paths_parse(const char *name, ag_paths *p)
{
    if (strcmp(name, "auto") == 0)
        *p = AG_PATHS_AUTO;
    else if (strcmp(name, "exact") == 0)
        *p = AG_PATHS_EXACT;
    else if (strcmp(name, "none") == 0)
        *p = AG_PATHS_NONE;
    else
        return 0;
    return 1;
}

const char *cli_paths_name(ag_paths p)
{
    return p == AG_PATHS_EXACT ? "exact" : p == AG_PATHS_NONE ? "none" : "auto";
}

int cli_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno == ERANGE || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

int cli_exit_code(ag_status st, int writing)
{
    switch (st) {
    case AG_OK: return AG_EXIT_OK;
    case AG_EARG: return AG_EXIT_USAGE;
    case AG_EPARSE:
    case AG_EINVALID: return AG_EXIT_INPUT;
    case AG_EIO: return writing ? AG_EXIT_OUTPUT : AG_EXIT_INPUT;
    default: return AG_EXIT_INTERNAL;
    }
}

void cli_input_init(cli_input *in)
{
    memset(in, 0, sizeof *in);
    ag_selection_init(&in->sel);
}

void cli_select_init(cli_input *in)
{
    cli_input_init(in);
    in->selecting = 1;
}

static int date_option(cli_input *in, int c, const char *arg, const char *cmd, int *rc)
{
    const char *name = c == CLI_OPT_AS_OF ? "--as-of" : c == CLI_OPT_TO ? "--to" : "--from";
    ag_date d;
    if (!ag_date_parse(arg, &d)) {
        *rc = cli_usage_error(cmd, "%s: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name,
                              arg);
        return 0;
    }
    if ((c == CLI_OPT_AS_OF && in->dated == 2) || (c != CLI_OPT_AS_OF && in->dated == 1)) {
        *rc = cli_usage_error(cmd, "--as-of and --from/--to cannot be combined");
        return 0;
    }
    in->dated = c == CLI_OPT_AS_OF ? 1 : 2;
    if (c == CLI_OPT_AS_OF) {
        in->sel.from = in->sel.to = d;
        in->sel.as_of = true;
    } else if (c == CLI_OPT_TO) {
        in->sel.to = d;
    } else {
        in->sel.from = d;
    }
    return 1;
}

static int select_option(cli_input *in, int c, const char *arg, const char *cmd, int *rc)
{
    switch (c) {
    case CLI_OPT_AS_OF:
    case CLI_OPT_TO:
        return date_option(in, c, arg, cmd, rc);
    case CLI_OPT_MIN_CONFIDENCE:
        if (!ag_confidence_parse(arg, &in->sel.min_confidence)) {
            *rc = cli_usage_error(cmd,
                                  "--min-confidence: '%s' is not confirmed, reported or "
                                  "speculative",
                                  arg);
            return 0;
        }
        return 1;
    case CLI_OPT_WEIGH_CONFIDENCE:
        in->sel.weigh_confidence = true;
        return 1;
    case CLI_OPT_CONFIDENCE_WEIGHTS:
        if (!ag_confidence_weights_parse(arg, in->sel.confidence_weights)) {
            *rc = cli_usage_error(cmd,
                                  "--confidence-weights: '%s' is not three numbers in (0, 1] "
                                  "(confirmed,reported,speculative; e.g. 1,0.7,0.4)",
                                  arg);
            return 0;
        }
        in->weights_given = 1;
        return 1;
    case CLI_OPT_DROP_ISOLATES:
        in->sel.drop_isolates = true;
        return 1;
    default:
        return 0;
    }
}

int cli_input_option(cli_input *in, int c, const char *arg, const char *cmd, int *rc)
{
    *rc = 0;
    in->cmd = cmd;
    if (c == CLI_OPT_FROM && arg[0] >= '0' && arg[0] <= '9') {
        if (in->selecting)
            return date_option(in, c, arg, cmd, rc);
        *rc = cli_usage_error(cmd, "--from '%s': %s takes no selection (it checks every "
                                   "relation); --from names an input format here",
                              arg, cmd);
        return 0;
    }
    if (in->selecting && c >= CLI_OPT_AS_OF && c <= CLI_OPT_DROP_ISOLATES)
        return select_option(in, c, arg, cmd, rc);
    if (c == CLI_OPT_FROM) {
        if (!ag_input_format_parse(arg, &in->opts.format)) {
            *rc = cli_usage_error(cmd, "unknown input format '%s' (json, csv, graphml, gml, dot)",
                                  arg);
            return 0;
        }
        return 1;
    }
    if (c == CLI_OPT_ACTORS) {
        in->opts.actors_csv = arg;
        return 1;
    }
    return 0;
}

int cli_other_option(cli_input *in, int c, const char *cmd, const char *usage, char **argv,
                     int *rc)
{
    int r = 0;
    if (c == 'h') {
        fputs(usage, stdout);
        *rc = AG_EXIT_OK;
        return 1;
    }
    if (c == ':') {
        *rc = cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
        return 1;
    }
    if (in && cli_input_option(in, c, optarg, cmd, &r))
        return 0;
    *rc = r ? r : cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
    return 1;
}

int cli_load_graph(const char *path, ag_graph **out)
{
    cli_input in;
    cli_input_init(&in);
    return cli_load_input(path, &in, out);
}

int cli_load_input(const char *path, const cli_input *in, ag_graph **out)
{
    ag_load_opts opts = in->opts;
    ag_diags diags;
    ag_error err;
    ag_status st;

    *out = NULL;
    if (!in->all_warnings) { /* the library leaves out the contradictions it makes moot */
        opts.period_from = in->sel.from;
        opts.period_to = in->sel.to;
    }
    if (in->weights_given && !in->sel.weigh_confidence)
        fprintf(stderr, "actorgraph: warning: --confidence-weights has no effect without "
                        "--weigh-confidence\n");
    ag_error_clear(&err);
    if (ag_selection_check(&in->sel, &err) != AG_OK)
        return cli_usage_error(in->cmd, "%s", err.message);
    if (!path) {
        path = cli_default_graph();
        if (!path) {
            fprintf(stderr, "actorgraph: no FILE given and the default graph is not installed "
                            "(set ACTORGRAPH_DEFAULT_GRAPH)\n");
            return AG_EXIT_INPUT;
        }
    }
    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_graph_load_ex(path, &opts, out, &diags, &err);
    if (in->all_warnings)
        cli_print_diags(&diags);
    else
        print_load_diags(&diags, path, in->dated != 0);
    if (st != AG_OK && diags.errors == 0)
        cli_print_error(&err);
    ag_diags_destroy(&diags);
    if (st == AG_OK) {
        size_t before = (*out)->n_relations;
        if ((st = ag_select_take(out, &in->sel, &err)) != AG_OK) {
            cli_print_error(&err);
            ag_graph_free(*out);
            *out = NULL;
        } else if (before > 0 && (*out)->n_relations == 0 && (*out)->selection) {
            /* not an error (an empty graph is valid), but rarely meant */
            char sel[256];
            ag_selection_describe((*out)->selection, sel, sizeof sel);
            fputs("actorgraph: ", stderr);
            cli_put_escaped(stderr, path ? path : "-");
            fprintf(stderr, ": warning: the selection (%s) keeps none of its %zu relations\n",
                    sel, before);
        }
    }
    return cli_exit_code(st, 0);
}

void cli_put_selection(FILE *out, const ag_graph *g)
{
    char buf[512];
    if (!g->selection)
        return;
    ag_selection_describe(g->selection, buf, sizeof buf);
    if (buf[0])
        fprintf(out, " (%s)", buf);
}

void cli_manifest_start(json_t *manifest, const char *input, const ag_graph *g,
                        const char *command, json_t *opts)
{
    json_object_set_new(manifest, "input", json_string(input));
    json_object_set_new(manifest, "sha256", json_string(g->sha256));
    json_object_set_new(manifest, "command", json_string(command));
    if (opts)
        json_object_set_new(manifest, "options", opts);
}

int cli_manifest_selection(json_t *manifest, const ag_graph *g)
{
    if (!g->selection)
        return 0;
    return json_object_set_new(manifest, "selection", ag_selection_json(g->selection, g));
}

int cli_print_json(FILE *out, const json_t *root)
{
    if (json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(12)) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

int cli_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                      const char *input, const cli_input *in, int quiet)
{
    const char *inputs[2];
    ag_write_opts wo = {mkdir_out, inputs, 0};
    ag_error err;
    ag_status st;

    for (size_t i = 0; i < n; i++)
        if (outs[i].len == 0) {
            fprintf(stderr, "actorgraph: %s: the output is empty (the library produced no "
                            "bytes); nothing written\n",
                    outs[i].path);
            return AG_EXIT_INTERNAL;
        }
    inputs[wo.n_inputs++] = input ? input : cli_default_graph();
    if (in && in->opts.actors_csv)
        inputs[wo.n_inputs++] = in->opts.actors_csv;
    cli_install_signal_handlers();
    ag_error_clear(&err);
    st = ag_write_outputs_ex(outs, n, &wo, &err);
    if (st != AG_OK) {
        cli_print_error(&err);
        return cli_exit_code(st, 1);
    }
    for (size_t i = 0; i < n && !quiet; i++)
        if (strcmp(outs[i].path, "-") != 0)
            fprintf(stderr, "actorgraph: wrote %s\n", outs[i].path);
    return AG_EXIT_OK;
}

/* Removes the temporaries being written, then lets the signal do what it
 * would have done (SA_RESETHAND restored the default; the signal is held
 * until the handler returns). Async-signal-safe: unlink and raise only. */
static void on_fatal_signal(int sig)
{
    ag_write_remove_temporaries();
    raise(sig);
}

void cli_install_signal_handlers(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
    static int installed;
    struct sigaction sa, old;

    if (installed)
        return;
    installed = 1;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
            sigaction(sigs[i], &sa, NULL);
}

/* "in_degree, out_degree, ..., pn": every metric's name, for error
 * messages. */
const char *cli_metric_list(void)
{
    static char buf[512];
    if (!buf[0])
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", k ? ", " : "",
                     ag_metric_name((ag_metric)k));
    return buf;
}
