/**
 * English texts for seed conversations and the customer simulator: short, realistic lines a
 * support desk sees every day. Plain data, no logic beyond grouping.
 */

/** One kind of request, with what the customer says and what an operator answers. */
export interface Topic {
  /** What the customer writes first. */
  openers: readonly string[];
  /** What the customer adds later in the conversation. */
  followUps: readonly string[];
  /** What an operator answers. */
  answers: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    openers: [
      'Hi, I was charged twice for my last order. Can you check?',
      'Hello! My invoice for March shows the wrong amount.',
      'Hi there, I need a copy of my latest invoice for our accountant.',
      'Good morning, the payment went through but the order still says unpaid.',
    ],
    followUps: [
      'The order number is 48213.',
      'It was paid by card on Monday.',
      'Could you send it to my work email as well?',
      'Is there a reference number I can give my bank?',
    ],
    answers: [
      'Thanks for letting us know. Let me look into your payment history.',
      "I can see the duplicate charge. I've asked accounting to refund it.",
      "I've sent the invoice again. It should arrive within a few minutes.",
      'The refund usually takes 3 to 5 business days to appear on your statement.',
    ],
  },
  {
    openers: [
      "Hi, I can't log in to my account since this morning.",
      'Hello, the password reset email never arrives.',
      'Hi! The app keeps saying my session has expired.',
      'Hey, I get an error 500 when I open the dashboard.',
    ],
    followUps: [
      "I've already tried clearing the browser cache.",
      "It's the same on my phone and my laptop.",
      'I checked the spam folder too, nothing there.',
      'Here is a screenshot of the error, hope it helps.',
    ],
    answers: [
      'Sorry about that! Could you tell me which email address you use to sign in?',
      "I've reset the login attempts on your account. Please try again now.",
      'Our engineers are aware of the issue and are working on a fix.',
      'Could you try signing in from a private browser window?',
    ],
  },
  {
    openers: [
      'Hi, where is my parcel? It was due yesterday.',
      "Hello, I'd like to change the delivery address for my order.",
      'Hi! Can I still cancel the order I placed an hour ago?',
      'Good afternoon, one item is missing from my delivery.',
    ],
    followUps: [
      'The tracking page has not changed for two days.',
      'The new address is on the same street, number 14.',
      'I need it before Friday if possible.',
      'The box looked fine, but the charger is not there.',
    ],
    answers: [
      'Let me check the tracking with the courier for you.',
      "I've updated the delivery address. You'll get a confirmation by email.",
      "Your order hasn't shipped yet, so I've cancelled it for you.",
      "I'm sorry about the missing item. We'll send it out today at no cost.",
    ],
  },
  {
    openers: [
      'Hi, do you offer a discount for annual plans?',
      'Hello, what is the difference between the Basic and Pro plans?',
      'Hi! Can I add two more users to our subscription?',
      "Hello, I'd like to upgrade but keep my current data.",
    ],
    followUps: [
      "We're a team of about 25 people.",
      'Is there a trial period for Pro?',
      'Do you accept bank transfers?',
      'We would need it from the first of next month.',
    ],
    answers: [
      'Yes, annual plans come with two months free.',
      "Pro adds reporting, integrations and priority support. I'll send you the comparison.",
      "I've added the seats. They'll appear on your next invoice.",
      'Upgrading keeps all your data. You can do it from Settings → Billing.',
    ],
  },
];

/** What customers say when an operator has answered. */
export const CUSTOMER_REPLIES: readonly string[] = [
  'Thank you!',
  'Great, thanks a lot.',
  "Ok, I'll wait.",
  'That works for me.',
  'Perfect, that solved it.',
  'Hmm, still not working on my side.',
  'Could you check once more, please?',
  'Thanks, have a nice day!',
  'Got it. One more question though.',
  'Yes, that is the right address.',
];

/** What customers write when they come back to a closed conversation. */
export const COMEBACKS: readonly string[] = [
  'Hi again, the same problem is back.',
  'Hello, I have another question about my order.',
  'Hi, following up on our chat from the other day.',
  "Hi, the refund hasn't arrived yet.",
];

/** What operators write to close a conversation politely. */
export const OPERATOR_CLOSINGS: readonly string[] = [
  'Is there anything else I can help you with?',
  "Glad I could help. I'll close this chat now, write any time!",
  'Thanks for your patience. Have a great day!',
];

/** Greetings operators open an outbound conversation with. */
export const OUTBOUND_OPENERS: readonly string[] = [
  'Hello! Following up on your recent request.',
  'Hi, your replacement has shipped today.',
];

// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  'Olivia', 'Liam', 'Amelia', 'Noah', 'Isla', 'Oliver', 'Ava', 'Elijah', 'Mia', 'James',
  'Sophia', 'Lucas', 'Grace', 'Mateo', 'Zoe', 'Arjun', 'Hana', 'Kofi', 'Ingrid', 'Diego',
  'Yuki', 'Fatima', 'Sven', 'Chiara', 'Omar', 'Leila', 'Tomas', 'Aisha', 'Niko', 'Ruth',
];

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Bennett', 'Walker', 'Nguyen', 'Hughes', 'Patel', 'Kowalczyk', 'Silva', 'Murphy', 'Tanaka',
  'Schneider', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Kim', 'Novak', 'Reyes', 'Ferrari',
  'Mensah', 'Johansson', 'Costa', 'Ivanova', 'Brennan', 'Yilmaz', 'Dubois', 'Sato',
];
