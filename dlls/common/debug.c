/*
 * The msgsock debug channel, written through ntdll's own debug interface so
 * that WINEDEBUG=+msgsock works like any Wine channel.
 */
#include <stdio.h>
#include <windows.h>

#include "msgsock/debug.h"

/* Layout of Wine's struct __wine_debug_channel. */
struct wine_channel
{
    unsigned char flags;
    char name[15];
};

typedef unsigned char (__cdecl *get_flags_fn)(struct wine_channel *);
typedef int (__cdecl *header_fn)(int cls, struct wine_channel *, const char *func);
typedef int (__cdecl *output_fn)(const char *str);

/* ntdll fills the flags in on first use (0xff = "not looked up yet"), as for its own channels. */
static struct wine_channel channel = { 0xff, "msgsock" };

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static get_flags_fn get_flags;
static header_fn header;
static output_fn output;

static BOOL CALLBACK find_debug_functions(INIT_ONCE *init, void *param, void **context)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");

    get_flags = (get_flags_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_get_channel_flags");
    header = (header_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_header");
    output = (output_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_output");
    return TRUE;
}

int msgsock_debug_enabled(enum msgsock_debug_class cls)
{
    InitOnceExecuteOnce(&once, find_debug_functions, NULL, NULL);
    if (!get_flags || !header || !output) return 0;
    return (get_flags(&channel) >> cls) & 1;
}

void msgsock_debug_printf(enum msgsock_debug_class cls, const char *func, const char *fmt, ...)
{
    char buffer[1024];
    va_list args;

    if (header(cls, &channel, func) == -1) return;
    va_start(args, fmt);
    vsnprintf(buffer, sizeof(buffer), fmt, args);
    va_end(args);
    output(buffer);
}

void msgsock_debug_loud(const char *fmt, ...)
{
    char buffer[1024];
    va_list args;
    int len;

    va_start(args, fmt);
    len = snprintf(buffer, sizeof(buffer), "msgsock: ");
    vsnprintf(buffer + len, sizeof(buffer) - len, fmt, args);
    va_end(args);
    ERR("%s", buffer);
    InitOnceExecuteOnce(&once, find_debug_functions, NULL, NULL);
    /* ntdll's debug output goes to the host's stderr whatever WINEDEBUG says. */
    if (output && !msgsock_debug_enabled(MSGSOCK_ERR)) output(buffer);
}
