/*
 * The Windows services and protocol files (%SystemRoot%\system32\drivers\etc),
 * where Windows looks up service names and protocol names:
 *   services:  name  port/proto  [aliases...]  [# comment]
 *   protocol:  name  number      [aliases...]  [# comment]
 */
#include <stdlib.h>
#include <string.h>

#include "resolve.h"

/* Far larger than any real services file; a bigger one is read up to this. */
#define NETDB_FILE_MAX (1024 * 1024)

struct netdb_query
{
    const char *name;     /* match the name or an alias, or NULL */
    int         number;   /* match the number when name is NULL */
    const char *proto;    /* services: match this protocol, NULL for any */
};

/* The whole file as one NUL-terminated heap string, or NULL. */
static char *read_netdb_file(const WCHAR *file)
{
    WCHAR path[MAX_PATH];
    DWORD size, done = 0;
    HANDLE handle;
    char *text = NULL;
    UINT len = GetSystemDirectoryW(path, MAX_PATH);

    if (!len || len + wcslen(file) + 14 >= MAX_PATH) return NULL;
    wcscat(path, L"\\drivers\\etc\\");
    wcscat(path, file);
    handle = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                         0, NULL);
    if (handle == INVALID_HANDLE_VALUE) return NULL;
    size = GetFileSize(handle, NULL);
    if (size != INVALID_FILE_SIZE && size <= NETDB_FILE_MAX &&
        (text = HeapAlloc(GetProcessHeap(), 0, size + 1)))
    {
        if (!ReadFile(handle, text, size, &done, NULL)) done = 0;
        text[done] = 0;
    }
    CloseHandle(handle);
    return text;
}

static BOOL is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Splits one line (comment cut) into words; returns their count. */
static unsigned int split_words(char *line, char **words, unsigned int max)
{
    unsigned int count = 0;
    char *p = strchr(line, '#');

    if (p) *p = 0;
    for (p = line; *p && count < max;)
    {
        while (is_space(*p)) p++;
        if (!*p) break;
        words[count++] = p;
        while (*p && !is_space(*p)) p++;
        if (*p) *p++ = 0;
    }
    return count;
}

static BOOL name_matches(char **words, unsigned int count, const char *name)
{
    unsigned int i;

    for (i = 0; i < count; i++)
        if (i != 1 && !_stricmp(words[i], name)) return TRUE;
    return FALSE;
}

/* words[1] is "port/proto" (services) or "number" (protocol). */
static BOOL parse_number(char *word, BOOL services, unsigned int *number, const char **proto)
{
    char *end, *slash = services ? strchr(word, '/') : NULL;
    unsigned long v;

    if (services && !slash) return FALSE;
    if (slash) *slash = 0;
    v = strtoul(word, &end, 10);
    if (end == word || *end || v > 0xffff) return FALSE;
    *number = v;
    *proto = slash ? slash + 1 : NULL;
    return TRUE;
}

static BOOL line_matches(char *line, BOOL services, const struct netdb_query *query,
                         struct ws2_netdb_entry *out)
{
    char *words[WS2_NETDB_MAX_ALIASES + 2];
    unsigned int count, number, i;
    const char *proto;

    lstrcpynA(out->text, line, sizeof(out->text));
    count = split_words(out->text, words, WS2_NETDB_MAX_ALIASES + 2);
    if (count < 2 || !parse_number(words[1], services, &number, &proto)) return FALSE;
    if (query->proto && _stricmp(proto, query->proto)) return FALSE;
    if (query->name ? !name_matches(words, count, query->name) : (int)number != query->number)
        return FALSE;
    out->name = words[0];
    out->proto = proto;
    out->number = number;
    out->alias_count = count - 2;
    for (i = 2; i < count; i++) out->aliases[i - 2] = words[i];
    return TRUE;
}

static BOOL find_entry(const WCHAR *file, BOOL services, const struct netdb_query *query,
                       struct ws2_netdb_entry *out)
{
    char *text = read_netdb_file(file), *line, *next;
    BOOL found = FALSE;

    if (!text) return FALSE;
    for (line = text; line && !found; line = next)
    {
        if ((next = strchr(line, '\n'))) *next++ = 0;
        found = line_matches(line, services, query, out);
    }
    HeapFree(GetProcessHeap(), 0, text);
    return found;
}

BOOL ws2_find_service(const char *name, int port, const char *proto, struct ws2_netdb_entry *out)
{
    struct netdb_query query = { name, port, proto };

    return find_entry(L"services", TRUE, &query, out);
}

BOOL ws2_find_protocol(const char *name, int number, struct ws2_netdb_entry *out)
{
    struct netdb_query query = { name, number, NULL };

    return find_entry(L"protocol", FALSE, &query, out);
}
