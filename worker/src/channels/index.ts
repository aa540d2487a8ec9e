export type { CallLookup, ChannelProvider, OutboundCallRequest, OutboundMessage, SendLookup, SendLookupQuery, WhatsappTemplateMessage } from './channelProvider';
export { findSandboxCall, listSandboxCalls, type SandboxCall } from './sandboxCalls';
export { createSandboxProvider, SandboxCrashError, type SandboxCrash, type SandboxProviderOptions } from './sandboxProvider';
