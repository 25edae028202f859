import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/elements/notice.js';
import type { NoticeVariant, RspNoticeActionEvent, RspNoticeDismissEvent } from '@rsp/elements/notice.js';

/** Args named after the attributes in the Custom Elements Manifest, plus the slotted message. */
interface NoticeArgs {
  variant: NoticeVariant;
  heading: string;
  'action-label': string;
  dismissible: boolean;
  message: string;
  /** Actions logged in the Actions panel (Storybook names them after the manifest's events). */
  onRspNoticeAction?: (event: RspNoticeActionEvent) => void;
  onRspNoticeDismiss?: (event: RspNoticeDismissEvent) => void;
}

const meta = {
  title: 'Elements/Notice',
  component: 'rsp-notice',
  args: {
    variant: 'info',
    heading: '',
    'action-label': '',
    dismissible: false,
    message: 'L’espace France Services est ouvert du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.',
  },
  argTypes: {
    message: { control: 'text', description: 'The message, in the default slot.', table: { category: 'slots' } },
  },
  render: (args) => html`
    <rsp-notice
      variant=${args.variant}
      heading=${args.heading || nothing}
      action-label=${args['action-label'] || nothing}
      ?dismissible=${args.dismissible}
      @rsp-notice-action=${args.onRspNoticeAction}
      @rsp-notice-dismiss=${args.onRspNoticeDismiss}
      >${args.message}</rsp-notice
    >
  `,
} satisfies Meta<NoticeArgs>;

export default meta;
type Story = StoryObj<NoticeArgs>;

export const Info: Story = {};

export const Success: Story = {
  args: {
    variant: 'success',
    message: 'Votre rendez-vous est confirmé : mardi 14 octobre à 10 h 30, à la mairie de Saint-Sernin.',
  },
};

export const Warning: Story = {
  args: {
    variant: 'warning',
    message: 'Pensez à apporter votre dernier avis d’imposition et une pièce d’identité.',
  },
};

export const ErrorNotice: Story = {
  name: 'Error',
  args: {
    variant: 'error',
    message: 'Le numéro fiscal doit comporter 13 chiffres.',
  },
};

export const WithHeading: Story = {
  args: {
    variant: 'warning',
    heading: 'Fermeture exceptionnelle',
    message: 'L’accueil sera fermé le vendredi 31 octobre. Les rendez-vous pris ce jour-là sont reportés au lundi.',
  },
};

export const WithAction: Story = {
  args: {
    variant: 'info',
    'action-label': 'Voir les créneaux',
    message: 'Une conseillère numérique est présente le jeudi après-midi.',
  },
};

export const Dismissible: Story = {
  args: {
    variant: 'success',
    dismissible: true,
    message: 'Votre demande a bien été envoyée. Vous recevrez une réponse par courriel sous 48 heures.',
  },
};

/** The prefix read by screen readers and the close button's label follow the page's language. */
export const English: Story = {
  globals: { lang: 'en' },
  args: {
    variant: 'error',
    heading: 'Connection lost',
    'action-label': 'Try again',
    dismissible: true,
    message: 'The server is not responding. Your answers are saved on this computer.',
  },
};

/** What a widget shows when the network drops while someone fills in a form. */
export const ServerUnreachable: Story = {
  args: {
    variant: 'error',
    heading: 'Connexion interrompue',
    'action-label': 'Réessayer',
    dismissible: true,
    message: 'Le serveur ne répond pas. Vos réponses sont enregistrées sur cet ordinateur.',
  },
};
