/* Parsers behind tools/spectool: .spec lines, winedump export rows, NOT_YET stubs. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "spec_parse.h"

#define MAX_ORDINAL 65535

static int fail(char *err, size_t errsize, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errsize, const char *fmt, ...)
{
    va_list args;

    if (err && errsize)
    {
        va_start(args, fmt);
        vsnprintf(err, errsize, fmt, args);
        va_end(args);
    }
    return -1;
}

static const char *skip_space(const char *p)
{
    while (*p && isspace((unsigned char)*p)) p++;
    return p;
}

/* Copies the next run of characters accepted by `accept` into buf; returns the end. */
static const char *take(const char *p, char *buf, size_t size, int (*accept)(int c))
{
    size_t len = 0;

    while (*p && accept((unsigned char)*p))
    {
        if (len + 1 < size) buf[len++] = *p;
        p++;
    }
    buf[len] = 0;
    return p;
}

static int is_word_char(int c) { return c && !isspace(c) && c != '(' && c != ')' && c != '#'; }
static int is_ident_char(int c) { return isalnum(c) || c == '_'; }

static int valid_identifier(const char *s)
{
    if (!*s || isdigit((unsigned char)*s)) return 0;
    for (; *s; s++) if (!is_ident_char((unsigned char)*s)) return 0;
    return 1;
}

static const struct { const char *name; enum spec_kind kind; } kinds[] =
{
    { "stdcall", SPEC_STDCALL }, { "cdecl", SPEC_CDECL }, { "varargs", SPEC_VARARGS },
    { "thiscall", SPEC_THISCALL }, { "stub", SPEC_STUB }, { "extern", SPEC_EXTERN },
};

static int parse_kind(const char *word, enum spec_kind *kind)
{
    size_t i;

    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (!strcmp(word, kinds[i].name)) { *kind = kinds[i].kind; return 0; }
    return -1;
}

int spec_arch_from_name(const char *name)
{
    if (!strcmp(name, "win32") || !strcmp(name, "i386") || !strcmp(name, "i686")) return SPEC_I386;
    if (!strcmp(name, "win64") || !strcmp(name, "x86_64")) return SPEC_X86_64;
    return -1;
}

/* -arch=LIST: names the entry exists on, or with a leading '!' those it does not. */
static int parse_arch_list(const char *list, unsigned int *archs)
{
    int negate = (*list == '!');
    unsigned int mask = 0;
    const char *name;

    for (name = list + negate; *name; name += strcspn(name, ","), name += (*name == ','))
    {
        char buf[16];
        int arch;

        snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(name, ","), name);
        /* Other CPUs (arm, arm64...) are legal in the syntax but not built here. */
        if ((arch = spec_arch_from_name(buf)) >= 0) mask |= SPEC_ARCH_BIT(arch);
        else if (strcmp(buf, "arm") && strcmp(buf, "arm64") && strcmp(buf, "arm64ec")) return -1;
    }
    *archs = negate ? (SPEC_ALL_ARCHS & ~mask) : mask;
    return 0;
}

static int parse_flag(const char *flag, struct spec_entry *entry)
{
    if (!strcmp(flag, "-noname")) entry->flags |= SPEC_NONAME;
    else if (!strcmp(flag, "-private")) entry->flags |= SPEC_PRIVATE;
    else if (!strncmp(flag, "-arch=", 6)) return parse_arch_list(flag + 6, &entry->archs);
    else if (strcmp(flag, "-norelay") && strcmp(flag, "-ret64") && strcmp(flag, "-register") &&
             strcmp(flag, "-ordinal") && strcmp(flag, "-import") && strcmp(flag, "-i386"))
        return -1;
    return 0;
}

static int valid_arg_type(const char *type)
{
    static const char *const types[] =
        { "word", "s_word", "long", "int64", "int128", "float", "double", "ptr", "str", "wstr",
          "segptr", "segstr" };
    size_t i;

    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) if (!strcmp(type, types[i])) return 1;
    return 0;
}

/* "(long ptr ...)" starting at p == '('; returns the position after ')' or NULL. */
static const char *parse_args(const char *p, struct spec_entry *entry, char *err, size_t errsize)
{
    char word[16];

    entry->nargs = 0;
    for (p = skip_space(p + 1); *p != ')'; p = skip_space(p))
    {
        if (!*p || *p == '#') { fail(err, errsize, "unterminated argument list"); return NULL; }
        p = take(p, word, sizeof(word), is_word_char);
        if (!valid_arg_type(word)) { fail(err, errsize, "unknown argument type '%s'", word); return NULL; }
        if (entry->nargs == SPEC_ARGS_MAX) { fail(err, errsize, "too many arguments"); return NULL; }
        strcpy(entry->args[entry->nargs++], word); /* a known type: at most 6 characters */
    }
    return p + 1;
}

static int parse_ordinal(const char *word, struct spec_entry *entry)
{
    char *end;
    long value;

    if (!strcmp(word, "@")) return 0;
    value = strtol(word, &end, 10);
    if (*end || end == word || value < 1 || value > MAX_ORDINAL) return -1;
    entry->ordinal = (int)value;
    entry->explicit_ordinal = 1;
    return 0;
}

/* The optional implementation symbol or "dll.function" forward after the name. */
static int parse_target(const char *p, struct spec_entry *entry, char *err, size_t errsize)
{
    const char *dot;

    p = take(skip_space(p), entry->target, sizeof(entry->target), is_word_char);
    if (*skip_space(p) && *skip_space(p) != '#') return fail(err, errsize, "unexpected text after the export");
    if (!entry->target[0]) return 0;
    if ((dot = strchr(entry->target, '.')))
    {
        if (dot == entry->target || !dot[1] || strchr(dot + 1, '.'))
            return fail(err, errsize, "bad forward '%s'", entry->target);
        entry->forward = 1;
    }
    else if (!valid_identifier(entry->target)) return fail(err, errsize, "bad symbol '%s'", entry->target);
    return 0;
}

int spec_parse_line(const char *line, int lineno, struct spec_entry *entry, char *err, size_t errsize)
{
    char word[SPEC_NAME_MAX];
    const char *p = skip_space(line);

    memset(entry, 0, sizeof(*entry));
    entry->line = lineno;
    entry->ordinal = -1;
    entry->nargs = -1;
    entry->archs = SPEC_ALL_ARCHS;
    if (!*p || *p == '#') return 0;

    p = skip_space(take(p, word, sizeof(word), is_word_char));
    if (parse_ordinal(word, entry)) return fail(err, errsize, "bad ordinal '%s'", word);
    p = skip_space(take(p, word, sizeof(word), is_word_char));
    if (parse_kind(word, &entry->kind)) return fail(err, errsize, "unknown export type '%s'", word);

    while (*p == '-')
    {
        p = skip_space(take(p, word, sizeof(word), is_word_char));
        if (parse_flag(word, entry)) return fail(err, errsize, "unknown flag '%s'", word);
    }
    p = take(p, entry->name, sizeof(entry->name), is_ident_char);
    if (!valid_identifier(entry->name)) return fail(err, errsize, "missing or bad export name");
    if (*p == '(')
    {
        if (entry->kind == SPEC_EXTERN) return fail(err, errsize, "extern takes no argument list");
        if (!(p = parse_args(p, entry, err, errsize))) return -1;
    }
    else if (entry->kind != SPEC_STUB && entry->kind != SPEC_EXTERN)
        return fail(err, errsize, "'%s' needs an argument list", entry->name);
    else if (*p && !isspace((unsigned char)*p) && *p != '#')
        return fail(err, errsize, "bad character after '%s'", entry->name);

    if ((entry->flags & SPEC_NONAME) && !entry->explicit_ordinal)
        return fail(err, errsize, "-noname needs an explicit ordinal");
    return parse_target(p, entry, err, errsize) ? -1 : 1;
}

static int list_append(struct spec_list *list, const struct spec_entry *entry)
{
    if (list->count == list->capacity)
    {
        size_t capacity = list->capacity ? 2 * list->capacity : 64;
        struct spec_entry *items = realloc(list->items, capacity * sizeof(*items));
        if (!items) return -1;
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = *entry;
    return 0;
}

int spec_parse_stream(FILE *in, const char *filename, struct spec_list *list, FILE *errout)
{
    char line[1024], err[256];
    struct spec_entry entry;
    int lineno = 0, errors = 0;

    while (fgets(line, sizeof(line), in))
    {
        int ret = spec_parse_line(line, ++lineno, &entry, err, sizeof(err));

        if (ret < 0)
        {
            if (errout) fprintf(errout, "%s:%d: %s\n", filename, lineno, err);
            errors++;
        }
        else if (ret > 0 && list_append(list, &entry))
        {
            if (errout) fprintf(errout, "%s:%d: out of memory\n", filename, lineno);
            return errors + 1;
        }
    }
    return errors;
}

void spec_list_free(struct spec_list *list)
{
    free(list->items);
    memset(list, 0, sizeof(*list));
}

int spec_for_arch(const struct spec_entry *entry, enum spec_arch arch)
{
    return !!(entry->archs & SPEC_ARCH_BIT(arch));
}

const struct spec_entry *spec_find_name(const struct spec_list *list, enum spec_arch arch, const char *name)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        if (spec_for_arch(&list->items[i], arch) && !strcmp(list->items[i].name, name)) return &list->items[i];
    return NULL;
}

/* Duplicate names and explicit ordinals are errors for winebuild too. */
static int check_duplicates(const struct spec_list *list, enum spec_arch arch, char *err, size_t errsize)
{
    size_t i, j;

    for (i = 0; i < list->count; i++)
    {
        const struct spec_entry *a = &list->items[i];
        if (!spec_for_arch(a, arch)) continue;
        for (j = i + 1; j < list->count; j++)
        {
            const struct spec_entry *b = &list->items[j];
            if (!spec_for_arch(b, arch)) continue;
            if (a->explicit_ordinal && b->explicit_ordinal && a->ordinal == b->ordinal)
                return fail(err, errsize, "line %d: ordinal %d already used on line %d", b->line, b->ordinal, a->line);
            if (!strcmp(a->name, b->name))
                return fail(err, errsize, "line %d: '%s' already exported on line %d", b->line, b->name, a->line);
        }
    }
    return 0;
}

int spec_assign_ordinals(struct spec_list *list, enum spec_arch arch, char *err, size_t errsize)
{
    static unsigned char used[MAX_ORDINAL + 2];
    int base = MAX_ORDINAL + 1, next;
    size_t i;

    if (check_duplicates(list, arch, err, errsize)) return -1;
    memset(used, 0, sizeof(used));
    for (i = 0; i < list->count; i++)
    {
        struct spec_entry *entry = &list->items[i];
        if (!spec_for_arch(entry, arch) || !entry->explicit_ordinal) continue;
        used[entry->ordinal] = 1;
        if (entry->ordinal < base) base = entry->ordinal;
    }
    if (base > MAX_ORDINAL) base = 1;
    for (i = 0, next = base; i < list->count; i++)
    {
        struct spec_entry *entry = &list->items[i];
        if (!spec_for_arch(entry, arch) || entry->explicit_ordinal) continue;
        while (next <= MAX_ORDINAL && used[next]) next++;
        if (next > MAX_ORDINAL) return fail(err, errsize, "line %d: no ordinal left", entry->line);
        entry->ordinal = next;
        used[next] = 1;
    }
    return 0;
}

int spec_stack_bytes(const struct spec_entry *entry)
{
    int i, bytes = 0;

    if (entry->kind != SPEC_STDCALL && entry->kind != SPEC_THISCALL) return 0;
    for (i = 0; i < entry->nargs; i++)
    {
        if (!strcmp(entry->args[i], "int64") || !strcmp(entry->args[i], "double")) bytes += 8;
        else if (!strcmp(entry->args[i], "int128")) bytes += 16;
        else bytes += 4;
    }
    return bytes;
}

static int all_of(const char *s, int (*accept)(int c))
{
    if (!*s) return 0;
    for (; *s; s++) if (!accept((unsigned char)*s)) return 0;
    return 1;
}

static int is_name_char(int c) { return c && !isspace(c); }

int spec_parse_dump_line(const char *line, struct dump_export *out)
{
    char address[32], ordinal[16];
    const char *p = skip_space(line), *arrow, *close;

    memset(out, 0, sizeof(*out));
    p = skip_space(take(p, address, sizeof(address), is_name_char));
    p = skip_space(take(p, ordinal, sizeof(ordinal), is_name_char));
    if (!all_of(address, isxdigit) || !all_of(ordinal, isdigit)) return 0;
    out->ordinal = atoi(ordinal);
    if (*p != '(') p = skip_space(take(p, out->name, sizeof(out->name), is_name_char));
    if ((arrow = strstr(p, "(-> ")) && (close = strchr(arrow, ')')))
        snprintf(out->forward, sizeof(out->forward), "%.*s", (int)(close - arrow - 4), arrow + 4);
    return 1;
}

static const struct spec_entry *find_ordinal(const struct spec_list *list, enum spec_arch arch, int ordinal)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        if (spec_for_arch(&list->items[i], arch) && list->items[i].ordinal == ordinal) return &list->items[i];
    return NULL;
}

static const char *spec_forward(const struct spec_entry *entry)
{
    return entry->forward ? entry->target : "";
}

/* One export of the dump against the spec: 0 when it matches, else 1 (reported). */
static int compare_one(const struct spec_list *spec, enum spec_arch arch, const struct dump_export *exp,
                       int exact, FILE *out)
{
    const struct spec_entry *entry = exp->name[0] ? spec_find_name(spec, arch, exp->name)
                                                  : find_ordinal(spec, arch, exp->ordinal);
    const char *name = exp->name[0] ? exp->name : "(by ordinal)";

    if (!entry)
    {
        fprintf(out, "missing: %s (ordinal %d)\n", name, exp->ordinal);
        return 1;
    }
    if (entry->ordinal != exp->ordinal)
    {
        fprintf(out, "ordinal: %s is %d in the dump, %d in the spec (line %d)\n", name, exp->ordinal,
                entry->ordinal, entry->line);
        return 1;
    }
    if (exact && strcmp(spec_forward(entry), exp->forward))
    {
        fprintf(out, "forward: %s is '%s' in the dump, '%s' in the spec\n", name, exp->forward,
                spec_forward(entry));
        return 1;
    }
    return 0;
}

static int in_dump(const struct spec_entry *entry, const struct dump_export *dump, size_t ndump)
{
    size_t i;

    for (i = 0; i < ndump; i++)
        if (dump[i].ordinal == entry->ordinal &&
            (!dump[i].name[0] || (entry->flags & SPEC_NONAME) || !strcmp(dump[i].name, entry->name)))
            return 1;
    return 0;
}

int spec_compare(const struct spec_list *spec, enum spec_arch arch, const struct dump_export *dump,
                 size_t ndump, int exact, FILE *out)
{
    int problems = 0;
    size_t i;

    for (i = 0; i < ndump; i++) problems += compare_one(spec, arch, &dump[i], exact, out);
    if (!exact) return problems;
    for (i = 0; i < spec->count; i++)
    {
        const struct spec_entry *entry = &spec->items[i];
        if (!spec_for_arch(entry, arch) || in_dump(entry, dump, ndump)) continue;
        fprintf(out, "not in the dump: %s (ordinal %d, line %d)\n", entry->name, entry->ordinal, entry->line);
        problems++;
    }
    return problems;
}

/* ---- NOT_YET stubs ---- */

/* A copy of text with comments blanked (newlines kept, so line numbers hold). */
static char *strip_comments(const char *text)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1), *p, quote = 0;

    if (!copy) return NULL;
    memcpy(copy, text, len + 1);
    for (p = copy; *p; p++)
    {
        if (quote)
        {
            if (*p == '\\' && p[1]) p++;
            else if (*p == quote) quote = 0;
        }
        else if (*p == '"' || *p == '\'') quote = *p;
        else if (p[0] == '/' && p[1] == '/')
            while (*p && *p != '\n') *p++ = ' ';
        else if (p[0] == '/' && p[1] == '*')
        {
            for (; *p && !(p[0] == '*' && p[1] == '/'); p++) if (*p != '\n') *p = ' ';
            if (*p) { p[0] = p[1] = ' '; p++; }
        }
        if (!*p) break;
    }
    return copy;
}

/* Copies s[0..len) into buf with runs of white space folded to one space, trimmed. */
static void fold_space(char *buf, size_t size, const char *s, size_t len)
{
    size_t out = 0, i;
    int pending = 0;

    for (i = 0; i < len; i++)
    {
        if (isspace((unsigned char)s[i])) { pending = out > 0; continue; }
        if (pending && out + 1 < size) buf[out++] = ' ';
        pending = 0;
        if (out + 1 < size) buf[out++] = s[i];
    }
    buf[out] = 0;
}

#define NOT_YET_ARGS_MAX 6

/* Splits "(a, (b, c), d)" at p == '(' into top-level arguments; returns the end or NULL. */
static const char *split_args(const char *p, char args[][160], int *nargs, int *lines)
{
    const char *start = p + 1;
    int depth = 0;

    *nargs = 0;
    for (; *p; p++)
    {
        if (*p == '\n') ++*lines;
        if (*p == '(') { depth++; continue; }
        if (*p != ')' && !(*p == ',' && depth == 1)) continue;
        if (*p == ')' && --depth) continue;
        if (*nargs == NOT_YET_ARGS_MAX) return NULL;
        fold_space(args[(*nargs)++], 160, start, p - start);
        start = p + 1;
        if (*p == ')') return p + 1;
    }
    return NULL;
}

enum not_yet_report { REPORT_LAST_ERROR, REPORT_ERRNO, REPORT_CODE, REPORT_VOID };

/* The markers: their argument count and how their stub reports its failure. */
static const struct { const char *name; int nargs; enum not_yet_report report; } macros[] =
{
    { "NOT_YET",       4, REPORT_LAST_ERROR },   /* (type, name, (params), failure) */
    { "NOT_YET_ERRNO", 5, REPORT_ERRNO },        /* (type, name, (params), errno_param, failure) */
    { "NOT_YET_CODE",  3, REPORT_CODE },         /* (type, name, (params)) */
    { "NOT_YET_VOID",  2, REPORT_VOID },         /* (name, (params)) */
};

static int find_macro(const char *name)
{
    int i;

    for (i = 0; i < (int)(sizeof(macros) / sizeof(macros[0])); i++)
        if (!strcmp(macros[i].name, name)) return i;
    return -1;
}

/* Parameters in "(type a, type b)": 0 for "(void)" or "()". */
static int count_params(const char *list)
{
    int depth = 0, count = 1;
    const char *p;

    if (!strcmp(list, "(void)") || !strcmp(list, "()")) return 0;
    for (p = list; *p; p++)
    {
        if (*p == '(') depth++;
        else if (*p == ')') depth--;
        else if (*p == ',' && depth == 1) count++;
    }
    return count;
}

/* Fills stub from a marker's arguments; -1 when they are not what the marker takes. */
static int describe_stub(int macro, char args[][160], int nargs, const char *error, struct not_yet_stub *stub)
{
    char *returns = stub->returns;
    size_t size = sizeof(stub->returns);

    if (macro < 0 || nargs != macros[macro].nargs) return -1;
    snprintf(stub->function, sizeof(stub->function), "%s", args[macros[macro].report == REPORT_VOID ? 0 : 1]);
    stub->nparams = count_params(args[macros[macro].report == REPORT_VOID ? 1 : 2]);
    switch (macros[macro].report)
    {
    case REPORT_LAST_ERROR: snprintf(returns, size, "%s; WSAGetLastError() = %s", args[3], error); break;
    case REPORT_ERRNO: snprintf(returns, size, "%s; *%s = %s", args[4], args[3], error); break;
    case REPORT_CODE: snprintf(returns, size, "%s (the return value)", error); break;
    case REPORT_VOID: snprintf(returns, size, "nothing (void)"); break;
    }
    return valid_identifier(stub->function) ? 0 : -1;
}

#define COND_MAX sizeof(((struct not_yet_stub *)0)->condition)

/* Keeps the outermost #if/#ifdef/#ifndef as a C condition, so a stub can say when it exists. */
static void track_condition(const char *directive, char condition[COND_MAX], int *depth)
{
    char word[16], rest[48];

    directive = take(skip_space(directive), word, sizeof(word), is_ident_char);
    fold_space(rest, sizeof(rest), directive, strcspn(directive, "\n"));
    if (!strcmp(word, "ifdef") || !strcmp(word, "ifndef") || !strcmp(word, "if"))
    {
        if ((*depth)++) return;
        if (!strcmp(word, "if")) snprintf(condition, COND_MAX, "(%s)", rest);
        else snprintf(condition, COND_MAX, "%sdefined(%s)", word[2] == 'n' ? "!" : "", rest);
    }
    else if (!strcmp(word, "endif") && *depth && !--*depth) condition[0] = 0;
    else if (!strcmp(word, "else") && *depth == 1)
    {
        char negated[COND_MAX];
        snprintf(negated, sizeof(negated), "!(%.*s)", (int)COND_MAX - 4, condition);
        strcpy(condition, negated);
    }
}

/* "#define NOT_YET_ERROR X" names the error the stubs report. */
static void read_error_define(const char *directive, char *error, size_t size)
{
    char word[16], name[32];

    directive = skip_space(take(skip_space(directive), word, sizeof(word), is_ident_char));
    directive = take(directive, name, sizeof(name), is_ident_char);
    if (!strcmp(word, "define") && !strcmp(name, "NOT_YET_ERROR"))
        fold_space(error, size, directive, strcspn(directive, "\n"));
}

static const char *skip_blank(const char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

/* The start of the next line; with continued, a line ending in a backslash goes on. */
static const char *next_line(const char *p, int *line, int continued)
{
    char prev = 0;

    for (; *p; prev = *p++)
    {
        if (*p != '\n') continue;
        ++*line;
        if (!continued || prev != '\\') return p + 1;
    }
    return p;
}

/* Reads one marker at start; stores it unless the array is full. 0, or -1 with err set. */
static int read_stub(const char **p, const char *start, const char *word, int *line, const char *error,
                     const char *condition, struct not_yet_stub *stub, char *err, size_t errsize)
{
    char args[NOT_YET_ARGS_MAX][160];
    int nargs, first = *line, macro = find_macro(word);
    struct not_yet_stub scratch;

    if (!(*p = split_args(start, args, &nargs, line)))
        return fail(err, errsize, "line %d: cannot read %s(...)", first, word);
    if (!stub) stub = &scratch;
    memset(stub, 0, sizeof(*stub));
    stub->line = first;
    snprintf(stub->condition, sizeof(stub->condition), "%s", condition);
    if (describe_stub(macro, args, nargs, error, stub))
        return fail(err, errsize, "line %d: %s(...) is not a known marker with its arguments", first, word);
    return 0;
}

int not_yet_parse(const char *text, struct not_yet_stub *stubs, size_t max, char *err, size_t errsize)
{
    char *copy = strip_comments(text), word[SPEC_NAME_MAX], error[64] = "the error", condition[COND_MAX] = "";
    const char *p;
    int line = 1, depth = 0, count = 0;

    if (!copy) return fail(err, errsize, "out of memory");
    for (p = copy; *p; )
    {
        const char *start = skip_blank(p);

        if (*start == '#')
        {
            track_condition(start + 1, condition, &depth);
            read_error_define(start + 1, error, sizeof(error));
            p = next_line(p, &line, 1);
            continue;
        }
        start = skip_blank(take(start, word, sizeof(word), is_ident_char));
        if (strstr(word, "NOT_YET") != word || *start != '(')
        {
            p = next_line(p, &line, 0);
            continue;
        }
        if (read_stub(&p, start, word, &line, error, condition, (size_t)count < max ? &stubs[count] : NULL,
                      err, errsize))
        {
            free(copy);
            return -1;
        }
        count++;
    }
    free(copy);
    return count < (int)max ? count : (int)max;
}
