/** Site-wide settings. SITE_URL and BASE_PATH come from the environment so the same build deploys anywhere. */
export const SITE = {
  name: 'Data Engineering Field Guide',
  shortName: 'DE Field Guide',
  description:
    'Learn data engineering in order: Python for data work, the AWS services cloud engineers use, and Kafka concepts with interview questions answered.',
};
