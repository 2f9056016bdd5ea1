import { fileURLToPath } from 'node:url';
import { orderApi } from '../../app/wiring.js';
import type { LambdaFunctionDecl, StateMachineDecl } from '../../wiring/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const journey = orderApi.stateMachines?.find((machine) => machine.name === 'journey');
const journeyFunction = orderApi.lambdaFunctions?.find((fn) => fn.name === 'order-journey');
if (!journey || !journeyFunction) throw new Error('app/wiring.ts no longer declares the journey state machine and its order-journey function');

/** The journey as app/wiring.ts declares it: app/order-journey.asl.json, its ${JourneyFunction}. */
export const JOURNEY: StateMachineDecl = journey;

/** Its task function, functions/order-journey/handler.ts. */
export const JOURNEY_FUNCTION: LambdaFunctionDecl = journeyFunction;

/** A function's ARN as the definition gets it: a deployed one on AWS, the local one offline. */
export const functionArn = (name: string, region = 'eu-west-1'): string => `arn:aws:lambda:${region}:000000000000:function:${name}`;
