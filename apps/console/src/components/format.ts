import { STATUS_LABELS } from '../api/views';

export const day = (iso?: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : '—');
export const when = (iso?: string | null) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');
export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;
/** "AccreditationGranted" → "Accreditation granted". */
export const eventLabel = (type: string) => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
