/* Identification that ws2_32.dll exports beyond Windows' names (msgsock_module_info). */
#ifndef MSGSOCK_MODULE_INFO_H
#define MSGSOCK_MODULE_INFO_H

#define MSGSOCK_MODULE_MAGIC 0x4b534d53u /* "SMSK" */
#define MSGSOCK_VERSION      0x00000100u /* 0.1.0 */

struct msgsock_module_info
{
    unsigned int magic;
    unsigned int version;
    int host_available;   /* the helper's unix library answered */
};

typedef void (__stdcall *msgsock_module_info_fn)(struct msgsock_module_info *info);

#endif
