/*
 * Tracing through Wine's debug channels: WINEDEBUG=+msgsock (or warn+msgsock)
 * prints our traces the same way Wine's own DLLs do, through ntdll.
 */
#ifndef MSGSOCK_DEBUG_H
#define MSGSOCK_DEBUG_H

#include <stdarg.h>

enum msgsock_debug_class { MSGSOCK_FIXME, MSGSOCK_ERR, MSGSOCK_WARN, MSGSOCK_TRACE };

int msgsock_debug_enabled(enum msgsock_debug_class cls);
void msgsock_debug_printf(enum msgsock_debug_class cls, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* An ERR that reaches stderr even with WINEDEBUG=-all: for what a user must see once. */
void msgsock_debug_loud(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define MSGSOCK_DPRINTF(cls, ...) \
    do { if (msgsock_debug_enabled(cls)) msgsock_debug_printf(cls, __func__, __VA_ARGS__); } while (0)
#define TRACE(...) MSGSOCK_DPRINTF(MSGSOCK_TRACE, __VA_ARGS__)
#define WARN(...)  MSGSOCK_DPRINTF(MSGSOCK_WARN, __VA_ARGS__)
#define FIXME(...) MSGSOCK_DPRINTF(MSGSOCK_FIXME, __VA_ARGS__)
#define ERR(...)   MSGSOCK_DPRINTF(MSGSOCK_ERR, __VA_ARGS__)

#endif
