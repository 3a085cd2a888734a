/*
 * spectool: looks at our export lists (the spec/ files) from the host.
 *
 *   spectool exports [--arch A] FILE.spec            "ordinal name" per export
 *   spectool compare [--arch A] [--exact] FILE.spec WINEDUMP_OUTPUT
 *            fails listing each export of the dump the spec lacks or numbers
 *            otherwise; --exact: the dump must be exactly the spec (built DLLs)
 *   spectool c-table [--arch A] --symbol NAME FILE.spec
 *            C source of a table { ordinal, name, forward } for test programs
 *   spectool not-yet [--symbol NAME] dlls/DLL/not_yet.c...
 *            markdown table of the stubs; with --symbol, C source of a table
 *            { "DLL.dll", "function", parameter count } for test programs
 *
 * A is win64 (x86_64, the default) or win32 (i386).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_parse.h"

#define MAX_STUBS 1024

struct options
{
    enum spec_arch arch;
    int exact;
    const char *symbol;
    int nfiles;
    char **files;
};

static int usage(void)
{
    fprintf(stderr, "usage: spectool exports|compare|c-table|not-yet [--arch win32|win64] [--exact] "
                    "[--symbol NAME] FILE...\n");
    return 2;
}

static int parse_options(int argc, char **argv, struct options *opts)
{
    int i;

    memset(opts, 0, sizeof(*opts));
    opts->arch = SPEC_X86_64;
    for (i = 0; i < argc && argv[i][0] == '-'; i++)
    {
        int arch;
        if (!strcmp(argv[i], "--exact")) opts->exact = 1;
        else if (!strcmp(argv[i], "--arch") && i + 1 < argc && (arch = spec_arch_from_name(argv[i + 1])) >= 0)
        {
            opts->arch = arch;
            i++;
        }
        else if (!strcmp(argv[i], "--symbol") && i + 1 < argc) opts->symbol = argv[++i];
        else return -1;
    }
    opts->files = argv + i;
    opts->nfiles = argc - i;
    return 0;
}

/* Reads FILE.spec and numbers its '@' entries for arch; 0 or -1 (reported). */
static int load_spec(const char *filename, enum spec_arch arch, struct spec_list *list)
{
    char err[256];
    FILE *in = fopen(filename, "r");
    int errors;

    memset(list, 0, sizeof(*list));
    if (!in) { perror(filename); return -1; }
    errors = spec_parse_stream(in, filename, list, stderr);
    fclose(in);
    if (errors) return -1;
    if (spec_assign_ordinals(list, arch, err, sizeof(err)))
    {
        fprintf(stderr, "%s: %s\n", filename, err);
        return -1;
    }
    return 0;
}

static int by_ordinal(const void *a, const void *b)
{
    return (*(const struct spec_entry *const *)a)->ordinal - (*(const struct spec_entry *const *)b)->ordinal;
}

/* The entries of arch, sorted by ordinal; *count set; NULL when out of memory. */
static const struct spec_entry **sorted_entries(const struct spec_list *list, enum spec_arch arch, size_t *count)
{
    const struct spec_entry **sorted = calloc(list->count + 1, sizeof(*sorted));
    size_t i;

    *count = 0;
    if (!sorted) return NULL;
    for (i = 0; i < list->count; i++)
        if (spec_for_arch(&list->items[i], arch)) sorted[(*count)++] = &list->items[i];
    qsort(sorted, *count, sizeof(*sorted), by_ordinal);
    return sorted;
}

static int cmd_exports(const struct options *opts)
{
    const struct spec_entry **sorted;
    struct spec_list list;
    size_t i, count;

    if (opts->nfiles != 1) return usage();
    if (load_spec(opts->files[0], opts->arch, &list)) return 1;
    if (!(sorted = sorted_entries(&list, opts->arch, &count))) return 1;
    for (i = 0; i < count; i++) printf("%d %s\n", sorted[i]->ordinal, sorted[i]->name);
    free(sorted);
    spec_list_free(&list);
    return 0;
}

/* The export rows of a winedump output; NULL when it has none. */
static struct dump_export *load_dump(const char *filename, size_t *count)
{
    struct dump_export *rows = NULL, row;
    size_t capacity = 0;
    char line[1024];
    FILE *in = fopen(filename, "r");

    *count = 0;
    if (!in) { perror(filename); return NULL; }
    while (fgets(line, sizeof(line), in))
    {
        if (!spec_parse_dump_line(line, &row)) continue;
        if (*count == capacity)
        {
            struct dump_export *grown = realloc(rows, (capacity = capacity ? 2 * capacity : 256) * sizeof(*rows));
            if (!grown) break;
            rows = grown;
        }
        rows[(*count)++] = row;
    }
    fclose(in);
    if (!*count) fprintf(stderr, "%s: no export rows (not `winedump -j export` output?)\n", filename);
    return rows;
}

static int cmd_compare(const struct options *opts)
{
    struct dump_export *dump;
    struct spec_list list;
    size_t ndump;
    int problems;

    if (opts->nfiles != 2) return usage();
    if (load_spec(opts->files[0], opts->arch, &list)) return 1;
    if (!(dump = load_dump(opts->files[1], &ndump))) return 1;
    problems = spec_compare(&list, opts->arch, dump, ndump, opts->exact, stdout);
    if (problems) printf("%s: %d problems against %s\n", opts->files[0], problems, opts->files[1]);
    else printf("%s: %zu exports of %s %s\n", opts->files[0], ndump, opts->files[1],
                opts->exact ? "match it exactly" : "all present with their ordinals");
    free(dump);
    spec_list_free(&list);
    return problems ? 1 : 0;
}

/* Three printf arguments: "\"", s, "\"" or "", "0", "" for a C string literal or a null pointer. */
#define quote_or_null(s) (s) ? "\"" : "", (s) ? (s) : "0", (s) ? "\"" : ""

static int cmd_c_table(const struct options *opts)
{
    const struct spec_entry **sorted;
    struct spec_list list;
    size_t i, count;

    if (opts->nfiles != 1 || !opts->symbol) return usage();
    if (load_spec(opts->files[0], opts->arch, &list)) return 1;
    if (!(sorted = sorted_entries(&list, opts->arch, &count))) return 1;
    printf("/* Generated by tools/spectool from %s (%s): do not edit. */\n", opts->files[0],
           opts->arch == SPEC_I386 ? "win32" : "win64");
    printf("struct spec_export { int ordinal; const char *name; const char *forward; };\n\n");
    printf("const struct spec_export %s[] =\n{\n", opts->symbol);
    for (i = 0; i < count; i++)
    {
        const struct spec_entry *entry = sorted[i];
        printf("    { %d, %s%s%s, ", entry->ordinal, quote_or_null(entry->flags & SPEC_NONAME ? NULL : entry->name));
        printf("%s%s%s },\n", quote_or_null(entry->forward ? entry->target : NULL));
    }
    printf("    { 0, 0, 0 }\n};\n");
    free(sorted);
    spec_list_free(&list);
    return 0;
}

static char *read_text(const char *filename)
{
    FILE *in = fopen(filename, "rb");
    char *text = NULL;
    long size;

    if (!in) { perror(filename); return NULL; }
    if (!fseek(in, 0, SEEK_END) && (size = ftell(in)) >= 0 && !fseek(in, 0, SEEK_SET) &&
        (text = malloc(size + 1)))
        text[fread(text, 1, size, in)] = 0;
    fclose(in);
    return text;
}

/* "dlls/ws2_32/not_yet.c" -> "ws2_32.dll": the directory names the DLL. */
static void dll_of(const char *path, char *dll, size_t size)
{
    const char *end = strrchr(path, '/'), *start = end;

    if (!end) { snprintf(dll, size, "?"); return; }
    while (start > path && start[-1] != '/') start--;
    snprintf(dll, size, "%.*s.dll", (int)(end - start), start);
}

static void print_stub_row(const char *dll, const struct not_yet_stub *stub)
{
    printf("| %s | %s", dll, stub->function);
    if (stub->condition[0]) printf(" (#if %s)", stub->condition);
    printf(" | %s |\n", stub->returns);
}

/* { "dll", "function", nparams } under the stub's own #if, for test programs. */
static void print_stub_c(const char *dll, const struct not_yet_stub *stub)
{
    if (stub->condition[0]) printf("#if %s\n", stub->condition);
    printf("    { \"%s\", \"%s\", %d },\n", dll, stub->function, stub->nparams);
    if (stub->condition[0]) printf("#endif\n");
}

static int cmd_not_yet(const struct options *opts)
{
    static struct not_yet_stub stubs[MAX_STUBS];
    char err[256], dll[64];
    int f, i, n, total = 0;

    if (opts->nfiles < 1) return usage();
    if (opts->symbol)
        printf("/* Generated by tools/spectool not-yet: do not edit. */\n"
               "struct not_yet_stub { const char *dll; const char *function; int nparams; };\n\n"
               "const struct not_yet_stub %s[] =\n{\n", opts->symbol);
    else printf("| DLL | function | returns |\n| --- | --- | --- |\n");
    for (f = 0; f < opts->nfiles; f++)
    {
        char *text = read_text(opts->files[f]);
        if (!text) return 1;
        n = not_yet_parse(text, stubs, MAX_STUBS, err, sizeof(err));
        free(text);
        if (n < 0) { fprintf(stderr, "%s: %s\n", opts->files[f], err); return 1; }
        dll_of(opts->files[f], dll, sizeof(dll));
        for (i = 0; i < n; i++) (opts->symbol ? print_stub_c : print_stub_row)(dll, &stubs[i]);
        total += n;
    }
    if (opts->symbol) printf("    { 0, 0, 0 }\n};\n");
    fprintf(stderr, "not-yet: %d stubs\n", total);
    return 0;
}

int main(int argc, char **argv)
{
    struct options opts;

    if (argc < 2 || parse_options(argc - 2, argv + 2, &opts)) return usage();
    if (!strcmp(argv[1], "exports")) return cmd_exports(&opts);
    if (!strcmp(argv[1], "compare")) return cmd_compare(&opts);
    if (!strcmp(argv[1], "c-table")) return cmd_c_table(&opts);
    if (!strcmp(argv[1], "not-yet")) return cmd_not_yet(&opts);
    return usage();
}
