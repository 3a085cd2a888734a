/*
 * Reading export lists: our spec/ files (Wine's .spec syntax), winedump's
 * export dumps, and the NOT_YET stub markers of dlls/<dll>/not_yet.c.
 * Plain host C with no Windows header, so tests/unit can check it.
 */
#ifndef MSGSOCK_SPEC_PARSE_H
#define MSGSOCK_SPEC_PARSE_H

#include <stddef.h>
#include <stdio.h>

#define SPEC_NAME_MAX 128
#define SPEC_ARGS_MAX 32

enum spec_kind { SPEC_STDCALL, SPEC_CDECL, SPEC_VARARGS, SPEC_THISCALL, SPEC_STUB, SPEC_EXTERN };

/* The architectures our DLLs are built for; -arch=win32 / win64 select them. */
enum spec_arch { SPEC_I386, SPEC_X86_64 };
#define SPEC_ARCH_BIT(arch) (1u << (arch))
#define SPEC_ALL_ARCHS (SPEC_ARCH_BIT(SPEC_I386) | SPEC_ARCH_BIT(SPEC_X86_64))

#define SPEC_NONAME  0x1
#define SPEC_PRIVATE 0x2

struct spec_entry
{
    int line;
    int ordinal;                  /* -1 for '@' until spec_assign_ordinals() */
    int explicit_ordinal;         /* written in the file rather than '@' */
    enum spec_kind kind;
    unsigned int flags;           /* SPEC_NONAME, SPEC_PRIVATE */
    unsigned int archs;           /* SPEC_ARCH_BIT()s the entry exists on */
    char name[SPEC_NAME_MAX];
    int nargs;                    /* -1: no argument list (stub, extern) */
    char args[SPEC_ARGS_MAX][8];  /* "long", "ptr", "str", "wstr", "int64"... */
    char target[2 * SPEC_NAME_MAX]; /* implementation symbol or forward, "" if none */
    int forward;                  /* target is "dll.function" */
};

struct spec_list
{
    struct spec_entry *items;
    size_t count, capacity;
};

/* 1: *entry holds the line's export; 0: blank or comment; -1: malformed, err says why. */
int spec_parse_line(const char *line, int lineno, struct spec_entry *entry, char *err, size_t errsize);

/* Parses a whole file; returns the number of malformed lines (each reported on errout). */
int spec_parse_stream(FILE *in, const char *filename, struct spec_list *list, FILE *errout);
void spec_list_free(struct spec_list *list);

int spec_for_arch(const struct spec_entry *entry, enum spec_arch arch);
/* "win32"/"i386"/"i686" or "win64"/"x86_64"; -1 for anything else. */
int spec_arch_from_name(const char *name);

/*
 * Gives '@' entries of arch the ordinals winebuild gives them: in file order, the
 * lowest free one from the lowest explicit ordinal (1 if none).  0, or -1 with err
 * set for a duplicate name or explicit ordinal.
 */
int spec_assign_ordinals(struct spec_list *list, enum spec_arch arch, char *err, size_t errsize);

const struct spec_entry *spec_find_name(const struct spec_list *list, enum spec_arch arch, const char *name);

/* Bytes of arguments a stdcall callee pops on i386 (the @N of its decorated name). */
int spec_stack_bytes(const struct spec_entry *entry);

/* One row of `winedump -j export`: "  0000D2D0    86 WSAResetEvent (-> kernel32.ResetEvent)". */
struct dump_export
{
    int ordinal;
    char name[SPEC_NAME_MAX];        /* "" for an export by ordinal only */
    char forward[2 * SPEC_NAME_MAX]; /* "" unless forwarded */
};

/* 1: *out holds the row's export; 0: any other line. */
int spec_parse_dump_line(const char *line, struct dump_export *out);

/*
 * Reports on out each export of the dump that the spec (for arch) lacks or gives
 * another ordinal; with exact, also the spec's exports the dump lacks and any
 * forward that differs.  Returns the number of problems.
 */
int spec_compare(const struct spec_list *spec, enum spec_arch arch, const struct dump_export *dump,
                 size_t ndump, int exact, FILE *out);

/* A stub found in a not_yet.c file. */
struct not_yet_stub
{
    int line;
    char function[SPEC_NAME_MAX];
    int nparams;
    char returns[256];     /* what it returns and how it reports its error */
    char condition[80];    /* C condition of the enclosing #if/#ifdef, "" if none */
};

/*
 * Finds the NOT_YET*(...) invocations of a C source text; comments and the
 * macros' own #define lines are skipped.  Returns how many were stored
 * (at most max), or -1 with err set for an invocation it cannot read.
 */
int not_yet_parse(const char *text, struct not_yet_stub *stubs, size_t max, char *err, size_t errsize);

#endif
