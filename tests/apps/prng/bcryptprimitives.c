/*
 * A stand-in bcryptprimitives.dll for Wines that have none (8.0), so that
 * programs importing ProcessPrng (Bun, Rust's standard library) start.  Test
 * support only: check-apps puts it in a prefix whose system32 lacks the DLL.
 *
 * Microsoft: "The ProcessPrng function retrieves a specified number of random
 * bytes from the user-mode per-processor random number generator." ...
 * "Return value: Always returns TRUE."
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(BYTE *data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG length: fill larger requests in pieces. */
    while (len)
    {
        ULONG part = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        RtlGenRandom(data, part);
        data += part;
        len -= part;
    }
    return TRUE;
}
