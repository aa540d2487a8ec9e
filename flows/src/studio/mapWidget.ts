import { assertNever } from '../assertNever';
import type { StudioWidgetType } from './studioWidgetType';
import type { WidgetContext, WidgetMapping } from './widgetContext';
import { mapSendAndWaitForReply, mapSendMessage } from './mapMessagingWidgets';
import {
  mapConnectCallTo,
  mapEnqueueCall,
  mapGatherInputOnCall,
  mapMakeOutgoingCall,
  mapRecordVoicemail,
  mapSayPlay,
} from './mapVoiceWidgets';
import { mapSetVariables, mapSplitBasedOn } from './mapLogicWidgets';
import { mapMakeHttpRequest, mapRunFunction, mapRunSubflow, mapSendToFlex } from './mapIntegrationWidgets';
import { mapTriggerWidget } from './mapTriggerWidget';

/** What mappers need beyond the widget itself. */
export interface FlowFacts {
  flowName: string;
  /** flow.data fields the flow reads: the REST trigger's payload. */
  dataFields: readonly string[];
  subflowIds: Readonly<Record<string, string>>;
  /** send-and-wait-for-reply widgets' send node ids, allocated before any template is rewritten. */
  sendNodeId: string | undefined;
}

/** The nodes a known widget becomes; undefined when this one cannot be mapped after all. */
export function mapWidget(type: StudioWidgetType, ctx: WidgetContext, facts: FlowFacts): WidgetMapping | undefined {
  switch (type) {
    case 'trigger':
      return mapTriggerWidget(ctx, facts.dataFields);
    case 'send-message':
      return mapSendMessage(ctx);
    case 'send-and-wait-for-reply':
      return mapSendAndWaitForReply(ctx, facts.sendNodeId ?? ctx.extraNodeId('send'));
    case 'split-based-on':
      return mapSplitBasedOn(ctx);
    case 'gather-input-on-call':
      return mapGatherInputOnCall(ctx);
    case 'say-play':
      return mapSayPlay(ctx);
    case 'make-outgoing-call-v2':
      return mapMakeOutgoingCall(ctx);
    case 'connect-call-to':
      return mapConnectCallTo(ctx);
    case 'record-voicemail':
      return mapRecordVoicemail(ctx);
    case 'enqueue-call':
      return mapEnqueueCall(ctx);
    case 'make-http-request':
      return mapMakeHttpRequest(ctx);
    case 'run-function':
      return mapRunFunction(ctx);
    case 'set-variables':
      return mapSetVariables(ctx);
    case 'run-subflow':
      return mapRunSubflow(ctx, facts.subflowIds);
    case 'send-to-flex':
      return mapSendToFlex(ctx, facts.flowName);
    default:
      return assertNever(type, 'Studio widget type');
  }
}
