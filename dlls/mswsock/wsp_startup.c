#include <winsock2.h>
#include <ws2spi.h>
int WSPAPI WSPStartup(WORD version, WSPDATA *data, WSAPROTOCOL_INFOW *info, WSPUPCALLTABLE upcalls, WSPPROC_TABLE *table)
{
    return WSAEOPNOTSUPP;
}
