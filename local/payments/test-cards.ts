/** How a test card's issuer declines, in the fields Stripe's card errors carry. */
export interface Decline {
  code: string;
  declineCode: string;
  message: string;
  param?: string;
}

export interface TestCard {
  brand: 'visa' | 'mastercard' | 'amex';
  last4: string;
  decline?: Decline;
}

const declined = (declineCode: string, message: string): Decline => ({ code: 'card_declined', declineCode, message });
const GENERIC = declined('generic_decline', 'Your card was declined.');
const INSUFFICIENT_FUNDS = declined('insufficient_funds', 'Your card has insufficient funds.');
const LOST = declined('lost_card', 'Your card was declined.');
const STOLEN = declined('stolen_card', 'Your card was declined.');
const EXPIRED: Decline = { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.', param: 'exp_month' };
const INCORRECT_CVC: Decline = { code: 'incorrect_cvc', declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect.", param: 'cvc' };
const PROCESSING: Decline = {
  code: 'processing_error',
  declineCode: 'processing_error',
  message: 'An error occurred while processing your card. Try again in a little bit.',
};

/**
 * The test PaymentMethods of Stripe's testing guide ("Cards" and "Declined payments"), by the id a server passes
 * as `payment_method`. Stripe also takes the declines without `visa_`, as the `tok_` tokens spell them.
 */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_visa_chargeDeclined: { brand: 'visa', last4: '0002', decline: GENERIC },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', decline: GENERIC },
  pm_card_visa_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', decline: INSUFFICIENT_FUNDS },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995', decline: INSUFFICIENT_FUNDS },
  pm_card_visa_chargeDeclinedLostCard: { brand: 'visa', last4: '9987', decline: LOST },
  pm_card_visa_chargeDeclinedStolenCard: { brand: 'visa', last4: '9979', decline: STOLEN },
  pm_card_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069', decline: EXPIRED },
  pm_card_chargeDeclinedIncorrectCvc: { brand: 'visa', last4: '0127', decline: INCORRECT_CVC },
  pm_card_chargeDeclinedProcessingError: { brand: 'visa', last4: '0119', decline: PROCESSING },
};
